package modules

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"
)

// TestXML2JSPostmanOptions checks the Go entry point the sandbox uses for
// xml2Json, against outputs of xml2js 0.4.23 with Postman's options.
func TestXML2JSPostmanOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, xml string
		want      string // JSON.stringify of the result; "ERR:" prefix for errors
	}{
		{"tableau sign-in", `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api"><credentials token="T" estimatedTimeToExpiration="1"><site id="S" contentUrl="c"/><user id="U"/></credentials></tsResponse>`,
			`{"tsResponse":{"$":{"xmlns":"http://tableau.com/api"},"credentials":{"$":{"token":"T","estimatedTimeToExpiration":"1"},"site":{"$":{"id":"S","contentUrl":"c"}},"user":{"$":{"id":"U"}}}}}`},
		{"repeated children", `<r><i>1</i><i> 2 </i><j/></r>`, `{"r":{"i":["1","2"],"j":""}}`},
		{"text with attributes", `<r a="1"> t </r>`, `{"r":{"_":"t","$":{"a":"1"}}}`},
		{"empty", ``, `null`},
		{"json body", `{"a": 1}`, "ERR:Non-whitespace before first tag.\nLine: 0\nColumn: 1\nChar: {"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rt := goja.New()
			v, err := XML2JS(rt, tc.xml, PostmanXML2JSONOptions())
			var got string
			if err != nil {
				got = "ERR:" + err.Error()
			} else {
				j, jerr := rt.RunString("(function (v) { return JSON.stringify(v); })")
				if jerr != nil {
					t.Fatal(jerr)
				}
				fn, _ := goja.AssertFunction(j)
				out, ferr := fn(goja.Undefined(), v)
				if ferr != nil {
					t.Fatal(ferr)
				}
				got = out.String()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
