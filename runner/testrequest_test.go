package runner

import (
	"testing"
)

// In a test script pm.request is the request as it went out, as Newman
// 6.2.2 hands it on: the URL percent-encoded, the auth inherited from the
// collection with its variables resolved, and the headers the transport
// added. Each pm.test below passes under Newman with the same collection.
func TestPmRequestInTestScriptsIsTheRequestSent(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := `{"info":{"name":"t"},"auth":{"type":"bearer","bearer":[{"key":"token","value":"{{tok}}"}]},
		"variable":[{"key":"base","value":"` + rec.srv.URL + `"},{"key":"tok","value":"T1"}],
		"item":[{"name":"r","request":{"method":"POST","url":"{{base}}/post?q=a b","body":{"mode":"raw","raw":"{}","options":{"raw":{"language":"json"}}}},
		"event":[{"listen":"test","script":{"exec":[
			"pm.test('url encoded', () => pm.expect(pm.request.url.toString()).to.eql(pm.variables.get('base') + '/post?q=a%20b'));",
			"pm.test('query value encoded', () => pm.expect(pm.request.url.query.get('q')).to.eql('a%20b'));",
			"pm.test('inherited auth', () => { pm.expect(pm.request.auth.type).to.eql('bearer'); pm.expect(pm.request.auth.bearer.get('token')).to.eql('T1'); });",
			"pm.test('Host', () => pm.expect(pm.request.headers.get('Host')).to.eql(pm.variables.get('base').replace('http://', '')));",
			"pm.test('Content-Length', () => pm.expect(pm.request.headers.get('Content-Length')).to.eql('2'));",
			"pm.test('Accept-Encoding', () => pm.expect(pm.request.headers.has('Accept-Encoding')).to.be.true);",
			"pm.test('Authorization', () => pm.expect(pm.request.headers.get('Authorization')).to.eql('Bearer T1'));"
		]}}]}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	n := 0
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			n++
			if a.Error != nil {
				t.Errorf("%s: %s: %s", a.Name, a.Error.Name, a.Error.Message)
			}
		}
		if e.Script != nil && e.Script.Error != nil {
			t.Errorf("script error: %+v", e.Script.Error)
		}
	}
	if n != 7 {
		t.Errorf("%d assertions ran, want 7", n)
	}
}
