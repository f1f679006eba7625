package collections

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEntryDescription checks that an entry's description (form field,
// header, query parameter) keeps what postman-collection's Description
// keeps (content, and the collection's type), which Newman 6.2.2 shows in
// its report and scripts, for the odd values a hand-written collection may
// hold too. Newman shows content that is not a string as that JSON value:
// 5, true, {"content": null}, and null for 1e400.
func TestEntryDescription(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, desc string // desc is the description member, "" for none
		want       *Description
	}{
		{"none", ``, nil},
		{"string", `"s"`, &Description{Content: "s"}},
		{"empty string", `""`, &Description{}},
		{"markdown", `{"content":"m","type":"text/markdown"}`, &Description{Content: "m", Type: "text/markdown"}},
		{"object without type", `{"content":"n"}`, &Description{Content: "n"}},
		{"object without content", `{"type":"text/markdown"}`, &Description{Type: "text/markdown", NoContent: true}},
		{"empty object", `{}`, &Description{NoContent: true}},
		{"null", `null`, &Description{NoContent: true, Falsy: true}},
		{"false", `false`, &Description{NoContent: true, Falsy: true}},
		{"zero", `0`, &Description{NoContent: true, Falsy: true}},
		{"array", `[1]`, &Description{NoContent: true}},
		{"true", `true`, &Description{Content: "true", Literal: true}},
		{"number", `5`, &Description{Content: "5", Literal: true}},
		{"number content", `{"content":5.50}`, &Description{Content: "5.5", Literal: true}},
		{"null content", `{"content":null}`, &Description{Content: "null", Literal: true}},
		{"false content", `{"content":false,"type":"text/markdown"}`, &Description{Content: "false", Type: "text/markdown", Literal: true}},
		{"object content", `{"content":{"x": 1}}`, &Description{Content: `{"x":1}`, Literal: true}},
		{"infinite number", `1e400`, &Description{Content: "null", Literal: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			entry := `{"key":"a","value":"1"}`
			if tt.desc != "" {
				entry = `{"key":"a","value":"1","description":` + tt.desc + `}`
			}
			doc := `{"info":{"name":"c"},"item":[{"name":"r","request":{"method":"POST","url":"http://127.0.0.1/",
				"body":{"mode":"formdata","formdata":[` + entry + `]}}},{"name":"u","request":{"method":"POST","url":"http://127.0.0.1/",
				"body":{"mode":"urlencoded","urlencoded":[` + entry + `]}}},{"name":"h","request":{"url":{"raw":"http://127.0.0.1/?a=1",
				"host":["127.0.0.1"],"query":[` + entry + `]},"header":[` + entry + `]}}]}`
			c, err := ParseCollection("c.json", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			h := c.Items[2].Request
			got := []*Description{c.Items[0].Request.Body.FormData[0].Description, c.Items[1].Request.Body.URLEncoded[0].Description,
				h.Headers[0].Description, h.URL.Query[0].Description}
			if d := cmp.Diff([]*Description{tt.want, tt.want, tt.want, tt.want}, got); d != "" {
				t.Errorf("description %s (-want +got):\n%s", tt.desc, d)
			}
		})
	}
}

// TestDescriptionMediaType checks the type Newman shows for a description
// whose collection gives none or an empty one.
func TestDescriptionMediaType(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ typ, want string }{{"", "text/plain"}, {"text/markdown", "text/markdown"}} {
		if got := (&Description{Type: tt.typ}).MediaType(); got != tt.want {
			t.Errorf("MediaType of type %q = %q, want %q", tt.typ, got, tt.want)
		}
	}
}
