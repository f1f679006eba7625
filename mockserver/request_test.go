package mockserver

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestParseBodyFormat checks that the Content-Type, not the body's first
// byte, picks the parser, and that declared encodings are decoded.
func TestParseBodyFormat(t *testing.T) {
	t.Parallel()
	const jsonBody = `{"project":{"name":"Sales"}}`
	const xmlBody = `<tsRequest><project name="Sales"/></tsRequest>`
	tests := []struct {
		name, contentType, body string
		want                    map[string]string // attributes of project
		wantErr                 error             // nil: any error will not do
		fails                   bool
	}{
		{name: "json", contentType: "application/json", body: jsonBody, want: map[string]string{"name": "Sales"}},
		{name: "json upper case with charset", contentType: "Application/JSON; charset=UTF-8", body: jsonBody, want: map[string]string{"name": "Sales"}},
		{name: "json broken parameters", contentType: "application/json; charset", body: jsonBody, want: map[string]string{"name": "Sales"}},
		{name: "xml", contentType: "application/xml", body: xmlBody, want: map[string]string{"name": "Sales"}},
		{name: "no content type is xml", body: xmlBody, want: map[string]string{"name": "Sales"}},
		{name: "json without content type", body: jsonBody, wantErr: errProlog, fails: true},
		{name: "json as text/plain", contentType: "text/plain", body: jsonBody, wantErr: errProlog, fails: true},
		{name: "xml as json", contentType: "application/json", body: xmlBody, fails: true},
		{name: "latin-1 decoded", contentType: "application/xml", body: "<?xml version='1.0' encoding='ISO-8859-1'?><tsRequest><project name='Jos\xe9'/></tsRequest>", want: map[string]string{"name": "José"}},
		{name: "us-ascii", contentType: "application/xml", body: "<?xml version='1.0' encoding='us-ascii'?>\n<tsRequest><project name='Sales &#233;'/></tsRequest>", want: map[string]string{"name": "Sales é"}},
		{name: "BOM only", contentType: "application/json", body: "\ufeff", wantErr: errEmpty, fails: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			n, err := parseBody(tt.contentType, []byte(tt.body))
			if tt.fails {
				if err == nil {
					t.Fatalf("parsed to %+v, want an error", n)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Fatalf("error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, n.child("project").attrs); diff != "" {
				t.Error(diff)
			}
		})
	}
}

// TestPrologDetail checks the detail Tableau gives a JSON body sent with a
// non-JSON Content-Type (Salesforce KB 001474388).
func TestPrologDetail(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	r := m.do(req{method: "POST", path: "auth/signin", contentType: "application/x-www-form-urlencoded", json: true,
		body: `{"credentials":{"name":"admin","password":"admin-password","site":{"contentUrl":""}}}`})
	r.wantError(t, 400, "400000")
	got := dig(r.jsonMap(t), "error", "detail")
	if diff := cmp.Diff("Deserialization problem: Content is not allowed in prolog.", got); diff != "" {
		t.Error(diff)
	}
}
