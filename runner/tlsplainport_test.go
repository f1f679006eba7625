package runner

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An https URL aimed at a plain HTTP port fails as Newman 6.2.2 reports
// it (Node's EPROTO from OpenSSL, "wrong version number"), with colrun's
// explanation of the likely mistake kept as the --verbose detail; Go's
// "first record does not look like a TLS handshake" had no Node code.
func TestHTTPSToAPlainPortIsNodesEPROTO(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	target := "https://" + strings.TrimPrefix(srv.URL, "http://")
	c := parse(t, collection(target, `{"name":"r","request":"{{base}}/x"}`))
	ev, _ := runScripted(t, c, Options{})
	reqs := ev.requests()
	if len(reqs) != 1 || reqs[0].ErrorFields == nil {
		t.Fatalf("%d request events (want 1, errored with Node's fields)", len(reqs))
	}
	r := reqs[0]
	got := []any{r.Error, r.ErrorFields.Code, r.ErrorFields.Errno, r.ErrorFields.Syscall}
	want := []any{"write EPROTO 00000000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n", "EPROTO", -71, "write"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("request error, code, errno, syscall (-want +got):\n%s", d)
	}
	if !strings.Contains(r.ErrorDetail, "http://") {
		t.Errorf("detail %q does not point at the URL's scheme", r.ErrorDetail)
	}
}
