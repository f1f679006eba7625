package runner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The Authorization a URL's user information gives goes on the wire but
// is not among the request's headers that test scripts and the reports
// see, as under Newman 6.2.2, whose scripts logged false and whose report
// listed no Authorization for these requests; the empty password of
// http://u:@host is sent too.
func TestURLCredentialsAreSentButNotListed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, userinfo, wire string
	}{
		{"user and password", "u:p@", "Basic dTpw"},
		{"empty password", "u:@", "Basic dTo="},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			url := strings.Replace(rec.srv.URL, "http://", "http://"+tc.userinfo, 1)
			item := `{"name":"r","request":{"method":"GET","url":"` + url + `/get"},
				"event":[{"listen":"test","script":{"exec":["console.log(pm.request.headers.has('Authorization'))"]}}]}`
			ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, item)), Options{})
			got := rec.all()
			if len(got) != 1 || got[0].Header.Get("Authorization") != tc.wire {
				t.Fatalf("server got %+v, want one request with Authorization %q", got, tc.wire)
			}
			logged := ev.logged()
			if diff := cmp.Diff([]string{"false"}, logged); diff != "" {
				t.Errorf("script logged (-want +got):\n%s", diff)
			}
			for _, r := range ev.requests() {
				for _, h := range r.Sent.Headers {
					if strings.EqualFold(h.Key, "Authorization") {
						t.Errorf("sent headers list %s: %s", h.Key, h.Value)
					}
				}
			}
		})
	}
}
