package runner

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestSendRequestResponseHasNoCookies checks pm.sendRequest's response as
// Newman 6.2.2 gives it: no cookies, even when the server set one
// (checked side by side: Newman logs 200, 0, '[]', '[]'); colrun listed
// the Set-Cookie cookies there.
func TestSendRequestResponseHasNoCookies(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "foo", Value: "bar"})
		w.Write([]byte("{}"))
	}))
	t.Cleanup(srv.Close)
	script := `pm.sendRequest(pm.variables.get('base') + '/set', (e, r) => { console.log(r.code, r.cookies.count(), JSON.stringify(r.cookies.toJSON()), JSON.stringify(r.toJSON().cookie)); });`
	items := fmt.Sprintf(`{"name":"r","request":{"method":"GET","url":"{{base}}/get"},"event":[{"listen":"test","script":{"exec":[%q]}}]}`, script)
	ev, _ := runScripted(t, parse(t, collection(srv.URL, items)), Options{})
	var got []string
	for _, e := range ev.all {
		if e.Console != nil {
			got = append(got, strings.Join(e.Console.Messages, ", "))
		}
	}
	if want := "200, 0, '[]', '[]'"; len(got) != 1 || got[0] != want {
		t.Errorf("console = %q, Newman logs %q", got, want)
	}
}
