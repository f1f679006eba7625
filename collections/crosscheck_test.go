package collections

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	postman "github.com/rbretecher/go-postman-collection"
)

// crossCheckCorpus lists every collection the repository and ../shared
// hold. The reference library rejects some valid ones (exec as a string,
// url.host as a string, object descriptions); those are skipped, the rest
// must agree with colrun on names, methods and URLs.
func crossCheckCorpus(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{
		"testdata/*.json",
		"../collections/*.postman_collection.json",
		"../testdata/*/*.postman_collection.json",
		"../testdata/*.postman_collection.json",
		"../../shared/fixtures/tableau-postman/*.postman_collection.json",
		"../../shared/fixtures/tableau-postman/*/*.postman_collection.json",
	} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	return files
}

type flatRequest struct{ name, method, url string }

func referenceRequests(items []*postman.Items) []flatRequest {
	var out []flatRequest
	for _, it := range items {
		if it.IsGroup() {
			out = append(out, referenceRequests(it.Items)...)
			continue
		}
		if it.Request == nil {
			continue
		}
		raw := ""
		if it.Request.URL != nil {
			raw = it.Request.URL.Raw
			// The library keeps string URLs without JSON unescaping.
			var unquoted string
			if json.Unmarshal([]byte(`"`+raw+`"`), &unquoted) == nil {
				raw = unquoted
			}
		}
		method := strings.ToUpper(string(it.Request.Method))
		if method == "" {
			method = "GET"
		}
		out = append(out, flatRequest{name: it.Name, method: method, url: raw})
	}
	return out
}

func TestCrossCheckWithGoPostmanCollection(t *testing.T) {
	t.Parallel()
	checked := 0
	for _, path := range crossCheckCorpus(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := postman.ParseCollection(strings.NewReader(string(data)))
		if err != nil || ref == nil || ref.Info.Name == "" {
			continue // the reference library rejects it; colrun's own tests cover it
		}
		ours, err := ParseCollection(path, data)
		if err != nil {
			t.Errorf("%s: the reference library parses it but colrun does not: %v", path, err)
			continue
		}
		want := referenceRequests(ref.Items)
		got := ours.Requests()
		if len(got) != len(want) {
			t.Errorf("%s: %d requests, reference has %d", path, len(got), len(want))
			continue
		}
		for i, w := range want {
			g := got[i]
			ourURL := g.Request.URL.Raw
			if ourURL == "" {
				ourURL = g.Request.URL.String()
			}
			if g.Name != w.name || g.Request.Method != w.method || ourURL != w.url {
				t.Errorf("%s request %d: colrun has %q %s %q, reference %q %s %q", path, i, g.Name, g.Request.Method, ourURL, w.name, w.method, w.url)
			}
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no collection in the corpus was parsed by the reference library; the cross-check checked nothing")
	}
	t.Logf("cross-checked %d collections", checked)
}
