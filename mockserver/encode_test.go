package mockserver

import (
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

func TestRenderXML(t *testing.T) {
	t.Parallel()
	got := string(renderXML("3.24", []*node{
		el("project").set("id", "P").set("name", "a \"q\" <&>\n'").add(el("owner").set("id", "O")),
		textEl("restApiVersion", "3<4"),
	}))
	want := `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_24.xsd">` +
		`<project id="P" name="a &#34;q&#34; &lt;&amp;&gt;&#xA;&#39;"><owner id="O"/></project><restApiVersion>3&lt;4</restApiVersion></tsResponse>`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("renderXML (-want +got):\n%s", diff)
	}
}
