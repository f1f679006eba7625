package runner

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRequestDigestAuthIsChallengedEachRun runs a request with digest
// auth of its own for two iterations. postman-runtime copies the request,
// its auth with it, at each run of the item, so what the first challenge
// taught is gone in the second and Newman 6.2.2 is challenged again (a
// 401 and a replay each iteration); colrun kept it on the request's
// definition and sent the second iteration signed at once. A folder's or
// the collection's digest auth keeps it (TestDigestAuthListsWhatTheChallengeTaught).
func TestRequestDigestAuthIsChallengedEachRun(t *testing.T) {
	t.Parallel()
	srv, url := newDigestServer(t, "MD5", "auth")
	doc := fmt.Sprintf(`{"info":{"name":"d","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item":[{"name":"own","request":{"url":%q,"auth":{"type":"digest","digest":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}}}]}`, url+"/own")
	runScripted(t, parse(t, doc), Options{Iterations: 2})
	if diff := cmp.Diff([]string{"-", "ok 00000001", "-", "ok 00000001"}, srv.verdicts()); diff != "" {
		t.Errorf("digest server saw (-newman +colrun):\n%s", diff)
	}
}
