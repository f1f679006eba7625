package collections_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
)

// TestURLEncodedBodyGivenAsAString runs urlencoded bodies written as one
// string, which postman-collection splits as QueryParam.parse does (at
// each & and then the first =, nothing decoded); the wanted bodies and
// the toJSON() test scripts printed are what Newman 6.2.2 sent and
// printed. colrun refused such a collection ("expected a list of {key,
// value} objects", exit 2).
func TestURLEncodedBodyGivenAsAString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, form, wantBody, wantJSON string
	}{
		{"a field without a value", `a=b&c`, "a=b&c=", `[{"key":"a","value":"b"},{"key":"c","value":null}]`},
		{"empty fields, = in a value, nothing decoded", `x=1=2&&y=&=z&q%20r=s+t`, "x=1%3D2&null=&y=&=z&q%2520r=s%2Bt",
			`[{"key":"x","value":"1=2"},{"key":null,"value":null},{"key":"y","value":""},{"key":"","value":"z"},{"key":"q%20r","value":"s+t"}]`},
		{"empty", ``, "", `[]`},
		{"a trailing &", `a=b&`, "a=b&=", `[{"key":"a","value":"b"},{"key":"","value":null}]`},
		{"a leading &", `&a`, "null=&a=", `[{"key":null,"value":null},{"key":"a","value":null}]`},
		{"variables", `{{v}}={{v}}&k`, "V=V&k=", `[{"key":"V","value":"V"},{"key":"k","value":null}]`},
		{"a lone &", `&`, "null=&=", `[{"key":null,"value":null},{"key":"","value":null}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			bodies := make(chan string, 1)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				bodies <- string(b)
			}))
			t.Cleanup(srv.Close)
			src := `{"info":{"name":"s","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"variable":[{"key":"v","value":"V"}],
				"item":[{"name":"r","request":{"method":"POST","url":"` + srv.URL + `/post",
					"body":{"mode":"urlencoded","urlencoded":` + strconv.Quote(tc.form) + `}},
				"event":[{"listen":"test","script":{"exec":["pm.test(JSON.stringify(pm.request.body.urlencoded.toJSON()), () => {});"]}}]}]}`
			c, err := collections.ParseCollection("s.json", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			got := runAssertions(t, c)
			if d := cmp.Diff(tc.wantBody, <-bodies); d != "" {
				t.Errorf("body sent (-Newman +colrun):\n%s", d)
			}
			if d := cmp.Diff([]string{"r: " + tc.wantJSON + ": pass"}, got); d != "" {
				t.Errorf("what the test script saw (-Newman +colrun):\n%s", d)
			}
		})
	}
}
