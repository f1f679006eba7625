package collections

import "testing"

// An item is a folder when its "item" member is truthy, as
// postman-collection decides (item.item ? ItemGroup : Item); any other
// item is a request, even without one: Newman 6.2.2 sends those with an
// empty URL and fails each ("request url is empty"), so colrun must run
// them rather than drop them as empty folders.
func TestItemIsAFolderOnlyWithATruthyItemList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		item       string
		wantFolder bool
		wantURL    string
	}{
		{`{"name":"x","item":[]}`, true, ""},
		{`{"name":"x","item":[{"name":"y","request":"http://a/"}]}`, true, ""},
		{`{"name":"x"}`, false, ""},
		{`{"name":"x","request":null}`, false, ""},
		{`{"name":"x","item":null}`, false, ""},
		{`{"name":"x","item":false,"request":"http://a/b"}`, false, "http://a/b"},
		{`{"name":"x","item":null,"request":{"url":"http://a/c"}}`, false, "http://a/c"},
	}
	for _, tt := range tests {
		c, err := ParseCollection("c.json", []byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`+tt.item+`]}`))
		if err != nil {
			t.Errorf("%s: %v", tt.item, err)
			continue
		}
		it := c.Items[0]
		if it.IsFolder() != tt.wantFolder {
			t.Errorf("%s: folder = %v, want %v", tt.item, it.IsFolder(), tt.wantFolder)
			continue
		}
		if tt.wantFolder {
			continue
		}
		if it.Request == nil {
			t.Errorf("%s: no request", tt.item)
			continue
		}
		if got := it.Request.URL.Raw; got != tt.wantURL || it.Request.Method != "GET" {
			t.Errorf("%s: request %s %q, want GET %q", tt.item, it.Request.Method, got, tt.wantURL)
		}
	}
}
