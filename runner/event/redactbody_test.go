package event

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// A request's body definition, which the JSON report lists, is masked
// like its wire bytes: a sign-in body holds the password. The runner's
// own body is shared with other requests and is left as it was.
func TestRedactMasksTheBodyDefinition(t *testing.T) {
	t.Parallel()
	mask := func(s string) string { return strings.ReplaceAll(s, "s3cret", "********") }
	tests := []struct {
		name       string
		spec, want *collections.Body
	}{
		{"raw", &collections.Body{Mode: "raw", Raw: `{"password":"s3cret"}`, Language: "json"},
			&collections.Body{Mode: "raw", Raw: `{"password":"********"}`, Language: "json"}},
		{"urlencoded", &collections.Body{Mode: "urlencoded", URLEncoded: []collections.FormParam{{Key: "p", Value: "s3cret"}, {Key: "s3cret", Value: "x", Disabled: true}}},
			&collections.Body{Mode: "urlencoded", URLEncoded: []collections.FormParam{{Key: "p", Value: "********"}, {Key: "********", Value: "x", Disabled: true}}}},
		{"formdata", &collections.Body{Mode: "formdata", FormData: []collections.FormParam{{Key: "p", Value: "s3cret", Type: "text"}}},
			&collections.Body{Mode: "formdata", FormData: []collections.FormParam{{Key: "p", Value: "********", Type: "text"}}}},
		{"graphql", &collections.Body{Mode: "graphql", GraphQL: &collections.GraphQL{Query: "{a}", Variables: `{"p":"s3cret"}`}},
			&collections.Body{Mode: "graphql", GraphQL: &collections.GraphQL{Query: "{a}", Variables: `{"p":"********"}`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			before := tt.spec.Clone()
			got := Redact(Event{Request: &Request{Sent: SentRequest{Spec: tt.spec}}}, mask).Request.Sent.Spec
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("masked body (-want +got):\n%s", d)
			}
			if d := cmp.Diff(before, tt.spec); d != "" {
				t.Errorf("the runner's body was changed (-before +after):\n%s", d)
			}
		})
	}
}
