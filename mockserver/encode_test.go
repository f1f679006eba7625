package mockserver

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRenderJSONMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		kids []*node
		want string
	}{
		{
			name: "children before attributes, attributes as strings",
			kids: []*node{el("credentials").set("token", "T").add(el("site").set("id", "S").set("contentUrl", ""), el("user").set("id", "U"))},
			want: `{"credentials":{"site":{"id":"S","contentUrl":""},"user":{"id":"U"},"token":"T"}}`,
		},
		{
			name: "empty list is an empty object",
			kids: []*node{el("pagination").set("pageNumber", "1"), listEl("workbooks")},
			want: `{"pagination":{"pageNumber":"1"},"workbooks":{}}`,
		},
		{
			name: "a single list item is still an array",
			kids: []*node{listEl("workbooks").add(el("workbook").set("id", "W").add(listEl("tags")))},
			want: `{"workbooks":{"workbook":[{"tags":{},"id":"W"}]}}`,
		},
		{
			name: "text alone is a string, text with attributes is value",
			kids: []*node{el("serverInfo").add(textEl("productVersion", "2024.3.0").set("build", "B"), textEl("restApiVersion", "3.24"))},
			want: `{"serverInfo":{"productVersion":{"build":"B","value":"2024.3.0"},"restApiVersion":"3.24"}}`,
		},
		{
			name: "error code as a string after summary and detail",
			kids: []*node{errSignin().node()},
			want: `{"error":{"summary":"Signin Error","detail":"Error signing in to Tableau Server","code":"401001"}}`,
		},
		{
			name: "escaping",
			kids: []*node{el("project").set("name", `a "b" <c> & é`)},
			want: `{"project":{"name":"a \"b\" \u003cc\u003e \u0026 é"}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, string(renderJSON(tt.kids))); diff != "" {
				t.Errorf("renderJSON (-want +got):\n%s", diff)
			}
		})
	}
}

// TestEscapeXML checks that only what XML requires is escaped: Tableau
// writes apostrophes literally (tableau-responses/server_info_404.xml).
func TestEscapeXML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in         string
		text, attr string
	}{
		{"Unknown resource '/2.4/serverInfo' specified in URI.", "Unknown resource '/2.4/serverInfo' specified in URI.", "Unknown resource '/2.4/serverInfo' specified in URI."},
		{`a"b`, `a"b`, `a&quot;b`},
		{"<&>", "&lt;&amp;&gt;", "&lt;&amp;&gt;"},
		{"t\tn\nr\r", "t\tn\nr&#xD;", "t&#x9;n&#xA;r&#xD;"},
		{"bad\x00\x1b\xff", "bad\uFFFD\uFFFD\uFFFD", "bad\uFFFD\uFFFD\uFFFD"},
		{"é 😀", "é 😀", "é 😀"},
	}
	for _, tt := range tests {
		var text, attr bytes.Buffer
		escapeXML(&text, tt.in, false)
		escapeXML(&attr, tt.in, true)
		if diff := cmp.Diff([2]string{tt.text, tt.attr}, [2]string{text.String(), attr.String()}); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.in, diff)
		}
		// Whatever goes in must come back out of a parser unchanged,
		// except for characters XML cannot carry.
		var back struct {
			A string `xml:"a,attr"`
			T string `xml:",chardata"`
		}
		if err := xml.Unmarshal([]byte(`<x a="`+attr.String()+`">`+text.String()+`</x>`), &back); err != nil {
			t.Errorf("%q: %v", tt.in, err)
		} else if back.A != back.T || !strings.HasPrefix(tt.in, "bad") && back.A != tt.in {
			t.Errorf("%q round-trips to attr %q, text %q", tt.in, back.A, back.T)
		}
	}
}

func TestRenderXML(t *testing.T) {
	t.Parallel()
	got := string(renderXML("3.24", []*node{
		el("project").set("id", "P").set("name", "a \"q\" <&>\n'").add(el("owner").set("id", "O")),
		textEl("restApiVersion", "3<4"),
	}))
	want := `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_24.xsd">` +
		`<project id="P" name="a &quot;q&quot; &lt;&amp;&gt;&#xA;'"><owner id="O"/></project><restApiVersion>3&lt;4</restApiVersion></tsResponse>`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("renderXML (-want +got):\n%s", diff)
	}
}
