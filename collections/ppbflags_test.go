package collections

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// protocolProfileBehavior's flags read as Newman 6.2.2 reads them
// (checked side by side on 127.0.0.1): a member that is there overrides
// the collection's, null included; followRedirects is JavaScript's
// truthiness ("false" and 1 follow, 0, "" and null do not), and
// certificates go unchecked only for strictSSL: false itself. colrun
// read strictSSL "false", 0, 1, "yes" and "" as false, so it accepted any
// certificate where Newman refused the request.
func TestProtocolProfileBehaviorFlagsAsNewmanReadsThem(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		collection, request string
		follow, strict      *bool
	}{
		{`{}`, `{"followRedirects": "false", "strictSSL": "false"}`, boolp(true), boolp(true)},
		{`{}`, `{"followRedirects": 1, "strictSSL": 0}`, boolp(true), boolp(true)},
		{`{}`, `{"followRedirects": 0, "strictSSL": ""}`, boolp(false), boolp(true)},
		{`{}`, `{"followRedirects": "", "strictSSL": "yes"}`, boolp(false), boolp(true)},
		{`{}`, `{"followRedirects": false, "strictSSL": false}`, boolp(false), boolp(false)},
		{`{"followRedirects": true, "strictSSL": false}`, `{"followRedirects": null, "strictSSL": null}`, boolp(false), boolp(true)},
		{`{"followRedirects": false, "strictSSL": false}`, `{}`, boolp(false), boolp(false)},
		{`{"followRedirects": false}`, `{"followRedirects": "x"}`, boolp(true), nil},
	} {
		got := mergedBehaviour(t, tc.collection, tc.request)
		if d := cmp.Diff(struct{ Follow, Strict *bool }{tc.follow, tc.strict}, struct{ Follow, Strict *bool }{got.FollowRedirects, got.StrictSSL}); d != "" {
			t.Errorf("collection %s, request %s: (-want +got):\n%s", tc.collection, tc.request, d)
		}
	}
}
