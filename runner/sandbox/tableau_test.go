package sandbox

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// sharedDir is ../shared from the project root, present on developer
// machines and in CI but not in a user's clone.
var sharedDir = filepath.Join("..", "..", "..", "shared", "fixtures")

func sharedFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(sharedDir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not available: %v", p, err)
	}
	return p
}

// tableauScripts returns the official collection's collection-level
// pre-request and test scripts, and its collection variables.
func tableauScripts(t *testing.T) (pre, test *Script, vars []collections.Variable) {
	t.Helper()
	c, err := collections.LoadCollection(sharedFile(t, "tableau-postman/Tableau_REST_API.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range c.Events {
		s, err := Compile("collection-"+ev.Listen, ev.Script.Exec)
		if err != nil {
			t.Fatalf("the collection's %s script does not compile: %v", ev.Listen, err)
		}
		switch ev.Listen {
		case "prerequest":
			pre = s
		case "test":
			test = s
		}
	}
	if pre == nil || test == nil {
		t.Fatal("the collection lost its collection-level scripts")
	}
	return pre, test, c.Variables
}

func xmlResponse(t *testing.T, name string) *event.Response {
	t.Helper()
	body, err := os.ReadFile(sharedFile(t, filepath.Join("tableau-responses", name)))
	if err != nil {
		t.Fatal(err)
	}
	return &event.Response{
		Code: 200, Status: "200 OK", Body: body, BodySize: int64(len(body)),
		Headers: []event.Header{{Key: "Content-Type", Value: "application/xml;charset=utf-8"}, {Key: "Content-Length", Value: "583"}},
	}
}

// The official collection's own test script reads the token from an XML
// sign-in response (xml2Json, Object.values(pm.response.headers)[0]).
func TestTableauCollectionTestScriptSignIn(t *testing.T) {
	t.Parallel()
	_, test, vars := tableauScripts(t)
	scopes := variables.NewScopes(nil)
	scopes.Collection = variables.NewScope("collection", vars)
	exec := &Execution{Listen: "test", Scopes: scopes, Request: testRequest(), Response: xmlResponse(t, "auth_sign_in.xml")}
	res := New(Options{}).Run(context.Background(), test, exec)
	mustPass(t, res)
	const token, site = "eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l", "6b7179ba-b82b-4f0f-91ed-812074ac5da6"
	if v, _ := scopes.Collection.Get("api-key"); v != token {
		t.Errorf("api-key = %#v, want %s", v, token)
	}
	if v, _ := scopes.Environment.Get("site-id"); v != site {
		t.Errorf("site-id = %#v, want %s", v, site)
	}
	diff(t, "console", []string{
		`Using "xml2Json" is deprecated. Use "require('xml2js')" instead.`,
		"New Session! api-key: " + token + ", site-id: " + site,
	}, logs(res))
}

func TestTableauCollectionTestScriptError(t *testing.T) {
	t.Parallel()
	_, test, _ := tableauScripts(t)
	resp := xmlResponse(t, "auth_sign_in_error.xml")
	resp.Code, resp.Status = 401, "401 Unauthorized"
	res := New(Options{}).Run(context.Background(), test, &Execution{Listen: "test", Request: testRequest(), Response: resp})
	if res.Error != nil {
		t.Fatal(res.Error)
	}
	if len(res.Assertions) != 1 || res.Assertions[0].Error == nil || !strings.HasPrefix(res.Assertions[0].Name, "Tableau Error: 401001") {
		t.Fatalf("assertions = %+v", outcomes(res))
	}
	if errs := logsAt(res, "error"); len(errs) != 1 || errs[0] != res.Assertions[0].Name {
		t.Errorf("console.error = %q", errs)
	}
}

// A JSON response is not read by the script (it only knows the exact
// Content-Type application/json;charset=utf-8), so nothing is stored.
func TestTableauCollectionTestScriptIgnoresOtherTypes(t *testing.T) {
	t.Parallel()
	_, test, _ := tableauScripts(t)
	exec := newExec("test")
	mustPass(t, New(Options{}).Run(context.Background(), test, exec))
	if exec.Scopes.Collection.Has("api-key") {
		t.Error("api-key set from a response the script does not read")
	}
}

// The collection's pre-request script parses (class fields, arrow-function
// fields) and behaves as under Newman: with auto-auth off it only logs; with
// it on, `for (credential in ...)` inside the class body throws a
// ReferenceError in strict mode, which the promise swallows, so no sign-in
// request is ever sent.
func TestTableauCollectionPrerequest(t *testing.T) {
	t.Parallel()
	pre, _, vars := tableauScripts(t)
	var sent atomic.Int32
	send := func(context.Context, *collections.Request) (*event.Response, error) {
		sent.Add(1)
		return &event.Response{Code: 200}, nil
	}
	sb := New(Options{Send: send})

	scopes := variables.NewScopes(nil)
	scopes.Collection = variables.NewScope("collection", vars)
	res := sb.Run(context.Background(), pre, &Execution{Listen: "prerequest", Scopes: scopes, Request: testRequest()})
	diff(t, "logs", []string{"auto-auth set to false, manual authentication required! (use Authenticate methods before making this call)"}, mustPass(t, res))

	scopes.Collection.Set("auto-auth", "true")
	scopes.Environment.Set("admin-PAT-name", "pat")
	scopes.Environment.Set("admin-PAT-secret", "secret")
	res = sb.Run(context.Background(), pre, &Execution{Listen: "prerequest", Scopes: scopes, Request: testRequest()})
	diff(t, "logs", []string(nil), mustPass(t, res))
	if n := sent.Load(); n != 0 {
		t.Errorf("pm.sendRequest called %d times; Newman never signs in here", n)
	}
}

// The 2021 REST tutorial signs in from its collection pre-request script
// with pm.sendRequest and reads the token with xml2Json.
func TestTableauTutorialPrerequestSignIn(t *testing.T) {
	t.Parallel()
	c, err := collections.LoadCollection(sharedFile(t, "tableau-postman/2021/reference_rest-tutorial_tableau-rest-tutorial.postman_collection.json"))
	if err != nil {
		t.Fatal(err)
	}
	signIn, err := os.ReadFile(sharedFile(t, "tableau-responses/auth_sign_in.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/3.4/auth/signin" || r.Method != http.MethodPost {
			http.NotFound(w, r)
			return
		}
		b := make([]byte, 4096)
		n, _ := r.Body.Read(b)
		gotBody = string(b[:n])
		w.Header().Set("Content-Type", "application/xml;charset=utf-8")
		_, _ = w.Write(signIn)
	}))
	defer srv.Close()

	var pre *Script
	for _, ev := range c.Events {
		if ev.Listen == "prerequest" {
			if pre, err = Compile("tutorial-prerequest", ev.Script.Exec); err != nil {
				t.Fatal(err)
			}
		}
	}
	scopes := variables.NewScopes(nil)
	scopes.Collection = variables.NewScope("collection", c.Variables)
	scopes.Environment.Set("server-name", srv.URL)
	scopes.Environment.Set("api-version", "3.4")
	scopes.Environment.Set("username", "admin")
	scopes.Environment.Set("password", "p@ss")
	scopes.Environment.Set("content-url", "Samples")
	s := &sender{}
	res := New(Options{Send: s.send}).Run(context.Background(), pre, &Execution{Listen: "prerequest", Scopes: scopes, Request: testRequest()})
	mustPass(t, res)
	if v, _ := scopes.Collection.Get("api-key"); v != "eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l" {
		t.Errorf("api-key = %#v", v)
	}
	if v, _ := scopes.Collection.Get("site-id"); v != "6b7179ba-b82b-4f0f-91ed-812074ac5da6" {
		t.Errorf("site-id = %#v", v)
	}
	if !strings.Contains(gotBody, `<credentials name="admin" password="p@ss">`) || !strings.Contains(gotBody, `contentUrl="Samples"`) {
		t.Errorf("sign-in body = %q", gotBody)
	}
	if len(s.sent) != 1 || s.sent[0].Headers[0].Key != "content-type" || s.sent[0].Headers[0].Value != "application/xml" {
		t.Errorf("sent = %+v", s.sent)
	}
}
