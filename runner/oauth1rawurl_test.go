package runner

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// With protocolProfileBehavior.disableUrlEncoding, postman-runtime's
// oauth1 leaves the query as written (it rewrites it to RFC 3986 only
// otherwise) and adds its parameters to the query unencoded. The request
// lines are what Newman 6.2.2 sent to a raw server (PLAINTEXT, whose
// signature does not depend on the server's port); colrun
// percent-encoded both.
func TestOAuth1WithDisableURLEncodingSendsTheQueryAsWritten(t *testing.T) {
	t.Parallel()
	base := requestLineServer(t)
	const auth = `{"type":"oauth1","oauth1":[{"key":"consumerKey","value":"c/k+"},{"key":"consumerSecret","value":"s+/="},{"key":"tokenSecret","value":"t s"},{"key":"timestamp","value":"1"},{"key":"nonce","value":"n"},{"key":"addParamsToHeader","value":%t,"type":"boolean"},{"key":"signatureMethod","value":"PLAINTEXT"},{"key":"token","value":""},{"key":"addEmptyParamsToSign","value":true,"type":"boolean"}]}`
	tests := []struct {
		name                  string
		header, disableURLEnc bool
		want                  string
	}{
		{"query, disableUrlEncoding", false, true,
			"GET /p?q=!*'()&r=%2F&oauth_consumer_key=c/k+&oauth_token=&oauth_signature_method=PLAINTEXT&oauth_timestamp=1&oauth_nonce=n&oauth_version&oauth_signature=s%2B%2F%3D%26t%20s HTTP/1.1"},
		{"query", false, false,
			"GET /p?q=%21%2A%27%28%29&r=%2F&oauth_consumer_key=c%2Fk%2B&oauth_token=&oauth_signature_method=PLAINTEXT&oauth_timestamp=1&oauth_nonce=n&oauth_version&oauth_signature=s%252B%252F%253D%26t%2520s HTTP/1.1"},
		{"header, disableUrlEncoding", true, true, "GET /p?q=!*'()&r=%2F HTTP/1.1"},
		{"header", true, false, "GET /p?q=%21%2A%27%28%29&r=%2F HTTP/1.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			item := fmt.Sprintf(`{"name":"r","request":{"method":"GET","url":"{{base}}/p?q=!*'()&r=%%2F","auth":`+auth+`},"protocolProfileBehavior":{"disableUrlEncoding":%t}}`, tt.header, tt.disableURLEnc)
			ev, _ := run(t, parse(t, collection(base, item)), Options{})
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].Resp == nil {
				t.Fatalf("got %d requests (%+v), want 1 answered", len(reqs), reqs)
			}
			if d := cmp.Diff(tt.want, string(reqs[0].Resp.Body)); d != "" {
				t.Errorf("request line (-newman +colrun):\n%s", d)
			}
		})
	}
}
