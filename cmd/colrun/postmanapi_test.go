package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const (
	testAPIKey  = "PMAK-0123456789abcdef"
	testCollUID = "12345678-0b4b3b28-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
	testEnvUID  = "12345678-9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"
)

// fakePostmanAPI answers as the Postman API does: the collection and the
// environment wrapped in {"collection": ...} and {"environment": ...}, and
// errors as {"error": {"name", "message"}}. A wrong key's answer echoes
// the key, so that the test sees whether colrun masks it.
func fakePostmanAPI(t *testing.T) *httptest.Server {
	t.Helper()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if key := r.Header.Get("X-Api-Key"); key != testAPIKey {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"error":{"name":"AuthenticationError","message":"Invalid API Key %s. Every request requires a valid API Key to be sent."}}`, key)
			return
		}
		switch r.URL.Path {
		case "/collections/" + testCollUID:
			fmt.Fprintf(w, `{"collection":{"info":{"_postman_id":"0b4b3b28-1c2d-4e5f-8a9b-0c1d2e3f4a5b","name":"From the API","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
			  "item":[{"name":"r","request":"%s/ok?e={{e}}","event":[{"listen":"test","script":{"exec":["pm.test('environment from the API', () => pm.expect(pm.environment.get('e')).to.eql('env'))"]}}]}]}}`, srv.URL)
		case "/environments/" + testEnvUID:
			fmt.Fprint(w, `{"environment":{"id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","name":"E","values":[{"key":"e","value":"env","enabled":true}]}}`)
		case "/ok":
			fmt.Fprint(w, `{}`)
		default:
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"error":{"name":"instanceNotFoundError","message":"We could not find the collection you are looking for"}}`)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestPostmanAPIInputs runs a collection and an environment given by UID
// with a Postman API key, as Newman 6.2.2's fetchJson loads them (read
// from its source: the UID pattern, /collections/<uid> and
// /environments/<uid>, the X-Api-Key header, and the API's error message
// shown rather than the status). Not parallel: it points the package's API
// base at a local server.
func TestPostmanAPIInputs(t *testing.T) {
	api := fakePostmanAPI(t)
	saved := postmanAPIURL
	postmanAPIURL = api.URL
	t.Cleanup(func() { postmanAPIURL = saved })
	const wrongKey = "PMAK-wrong-key-0000"
	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		want   string // in stdout, or stderr when the run is refused
		secret string // must appear nowhere in the output
	}{
		{"by UID with --postman-api-key", nil, []string{testCollUID, "-e", testEnvUID, "--postman-api-key", testAPIKey}, exitOK, "✓  environment from the API", testAPIKey},
		{"the key from POSTMAN_API_KEY", map[string]string{"POSTMAN_API_KEY": testAPIKey}, []string{testCollUID, "-e", testEnvUID}, exitOK, "✓  environment from the API", testAPIKey},
		{"the flag before the environment variable", map[string]string{"POSTMAN_API_KEY": wrongKey}, []string{testCollUID, "-e", testEnvUID, "--postman-api-key", testAPIKey}, exitOK, "✓  environment from the API", testAPIKey},
		{"a wrong key", nil, []string{testCollUID, "--postman-api-key", wrongKey}, exitUsage,
			"colrun: collection " + api.URL + "/collections/" + testCollUID + ": the Postman API answered 401 Unauthorized: AuthenticationError: Invalid API Key ********. Every request requires a valid API Key to be sent.\n", wrongKey},
		{"an unknown UID", nil, []string{"12345678-00000000-0000-0000-0000-000000000000", "--postman-api-key", testAPIKey}, exitUsage,
			": the Postman API answered 404 Not Found: instanceNotFoundError: We could not find the collection you are looking for\n", testAPIKey},
		{"a UID without a key is a file name", nil, []string{testCollUID}, exitUsage,
			"colrun: " + testCollUID + ": no such collection file; to fetch it by UID from the Postman API, give --postman-api-key or set POSTMAN_API_KEY\n", ""},
		{"globals are not fetched by UID", nil, []string{testCollUID, "-g", testEnvUID, "--postman-api-key", testAPIKey}, exitUsage, "colrun: " + testEnvUID + ": globals file not found\n", testAPIKey},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := colrun(t, tc.env, append([]string{"run", "--color", "off"}, tc.args...)...)
			out := res.stdout
			if tc.code == exitUsage {
				out = res.stderr
			}
			if res.code != tc.code || !strings.Contains(out, tc.want) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s%s", res.code, tc.code, tc.want, res.stdout, res.stderr)
			}
			if tc.secret != "" && strings.Contains(res.stdout+res.stderr, tc.secret) {
				t.Errorf("the key %q is shown:\n%s%s", tc.secret, res.stdout, res.stderr)
			}
		})
	}
}

// TestAPILocation checks which inputs Newman 6.2.2's fetchJson sends to
// the Postman API, and with which key.
func TestAPILocation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind, path, key string
		wantLoc         string
		wantKey         string
	}{
		{"collection", testCollUID, "K", postmanAPIURL + "/collections/" + testCollUID, "K"},
		{"environment", strings.ToUpper(testEnvUID), "K", postmanAPIURL + "/environments/" + strings.ToUpper(testEnvUID), "K"},
		{"globals", testEnvUID, "K", testEnvUID, ""},
		{"collection", testCollUID, "", testCollUID, ""},
		{"collection", "0b4b3b28-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "K", "0b4b3b28-1c2d-4e5f-8a9b-0c1d2e3f4a5b", ""},
		{"collection", "https://api.getpostman.com/collections/x?apikey=Q", "K", "https://api.getpostman.com/collections/x", "Q"},
		{"globals", "https://API.postman.com/globals/x?a=1&apikey=Q&b=2", "", "https://API.postman.com/globals/x?a=1&b=2", "Q"},
		{"environment", "https://api.postman.com/environments/x", "K", "https://api.postman.com/environments/x", "K"},
		{"collection", "https://example.com/c.json?apikey=Q", "K", "https://example.com/c.json?apikey=Q", ""},
	}
	for _, tc := range tests {
		ri := &remoteInputs{apiKey: tc.key}
		loc, key := ri.apiLocation(tc.kind, tc.path)
		if loc != tc.wantLoc || key != tc.wantKey {
			t.Errorf("%s %q with key %q: %q, %q; want %q, %q", tc.kind, tc.path, tc.key, loc, key, tc.wantLoc, tc.wantKey)
		}
	}
}
