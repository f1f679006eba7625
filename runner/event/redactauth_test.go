package event

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// The auth block and a graphql operationName, which the JSON report
// lists, are masked like the rest of the request: variables resolve into
// them (a basic auth's {{password}}). The runner's own block is left as
// it was.
func TestRedactMasksTheAuthBlock(t *testing.T) {
	t.Parallel()
	mask := func(s string) string { return strings.ReplaceAll(s, "s3cret", "********") }
	tests := []struct {
		name       string
		sent       SentRequest
		wantAuth   *collections.Auth
		wantOpName string
	}{
		{"auth parameters", SentRequest{Auth: &collections.Auth{Type: "basic", Params: []collections.AuthParam{
			{Key: "username", Value: "u"}, {Key: "password", Value: "s3cret", Type: "string"}, {Key: "s3cret", Value: true}}}},
			&collections.Auth{Type: "basic", Params: []collections.AuthParam{
				{Key: "username", Value: "u"}, {Key: "password", Value: "********", Type: "string"}, {Key: "********", Value: true}}}, ""},
		{"operationName", SentRequest{Spec: &collections.Body{Mode: "graphql", GraphQL: &collections.GraphQL{Query: "{a}", OperationName: "s3cret", HasOperationName: true}}},
			nil, "********"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := tt.sent.Auth.Clone()
			got := Redact(Event{Request: &Request{Sent: tt.sent}}, mask).Request.Sent
			if d := cmp.Diff(tt.wantAuth, got.Auth); d != "" {
				t.Errorf("masked auth (-want +got):\n%s", d)
			}
			if d := cmp.Diff(before, tt.sent.Auth); d != "" {
				t.Errorf("the runner's auth was changed (-before +after):\n%s", d)
			}
			if got.Spec != nil && got.Spec.GraphQL.OperationName != tt.wantOpName {
				t.Errorf("operationName = %q, want %q", got.Spec.GraphQL.OperationName, tt.wantOpName)
			}
		})
	}
}
