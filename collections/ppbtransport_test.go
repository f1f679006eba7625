package collections

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// protocolProfileBehavior's disabledSystemHeaders, tlsDisabledProtocols
// and tlsCipherSelection read as postman-runtime (Newman 6.2.2) reads
// them: the headers by their lower-case names, each value JavaScript's
// truthiness; a list only when it is an array, its elements as join
// renders them; and a member that is there, whatever its shape,
// replacing the folder's or collection's whole, as postman-collection
// merges only the top level. colrun read none of the three.
func TestProtocolProfileBehaviorTransportMembers(t *testing.T) {
	t.Parallel()
	type got struct {
		Headers         map[string]bool
		Protocols, Ciph []string
	}
	for _, tc := range []struct {
		collection, request string
		want                got
	}{
		{`{}`, `{"disabledSystemHeaders":{"user-agent":true,"accept":"false","cache-control":0,"host":null,"User-Agent":true,"connection":true,"x-other":true}}`,
			got{Headers: map[string]bool{"user-agent": true, "accept": true}}},
		{`{"disabledSystemHeaders":{"user-agent":true}}`, `{}`, got{Headers: map[string]bool{"user-agent": true}}},
		{`{"disabledSystemHeaders":{"user-agent":true}}`, `{"disabledSystemHeaders":{"accept":1}}`, got{Headers: map[string]bool{"accept": true}}},
		{`{"disabledSystemHeaders":{"user-agent":true}}`, `{"disabledSystemHeaders":["accept"]}`, got{Headers: map[string]bool{}}},
		{`{"disabledSystemHeaders":{"user-agent":true}}`, `{"disabledSystemHeaders":null}`, got{Headers: map[string]bool{}}},
		{`{}`, `{"tlsDisabledProtocols":["TLSv1_2",5],"tlsCipherSelection":["AES128-SHA:AES256-SHA",null]}`,
			got{Protocols: []string{"TLSv1_2", "5"}, Ciph: []string{"AES128-SHA:AES256-SHA", ""}}},
		{`{"tlsDisabledProtocols":["TLSv1_3"],"tlsCipherSelection":["AES128-SHA"]}`, `{}`,
			got{Protocols: []string{"TLSv1_3"}, Ciph: []string{"AES128-SHA"}}},
		{`{"tlsDisabledProtocols":["TLSv1_3"],"tlsCipherSelection":["AES128-SHA"]}`, `{"tlsDisabledProtocols":"TLSv1_2","tlsCipherSelection":{}}`,
			got{Protocols: []string{}, Ciph: []string{}}},
	} {
		p := mergedBehaviour(t, tc.collection, tc.request)
		if d := cmp.Diff(tc.want, got{p.DisabledSystemHeaders, p.TLSDisabledProtocols, p.TLSCipherSelection}); d != "" {
			t.Errorf("collection %s, request %s: (-want +got):\n%s", tc.collection, tc.request, d)
		}
	}
}

// mergedBehaviour is the protocolProfileBehavior a request gets from a
// collection whose member is collection and its own member request.
func mergedBehaviour(t *testing.T, collection, request string) ProtocolProfileBehavior {
	t.Helper()
	doc := `{"info":{"name":"c"},"protocolProfileBehavior":` + collection + `,"item":[{"name":"r","protocolProfileBehavior":` + request + `,"request":"http://127.0.0.1/"}]}`
	c, err := ParseCollection("c.json", []byte(doc))
	if err != nil {
		t.Fatalf("%s: %v", doc, err)
	}
	reqs := c.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%s: %d requests", doc, len(reqs))
	}
	return c.ProtocolProfileBehavior.Merge(reqs[0].ProtocolProfileBehavior)
}
