package runner

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScriptViewsOfOutOfRangeNumbers reads variables holding NaN or an
// infinity through every script view of a scope: toObject, toJSON and
// replaceIn must give what get gives, since Newman hands the scopes to its
// sandbox as JSON (NaN and Infinity become null, which a "number" variable
// casts to 0), while the request still substitutes NaN and Infinity. The
// wanted values are Newman 6.2.2's; colrun's toObject and toJSON read null
// and 1e400, and replaceIn NaN and Infinity.
func TestScriptViewsOfOutOfRangeNumbers(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := `{"info":{"name":"t","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable":[{"key":"n","value":"abc","type":"number"},{"key":"u","type":"number"},{"key":"i","value":1e400},{"key":"j","value":"1e400","type":"number"}],
		"item":[{"name":"r","request":{"method":"GET","url":"` + rec.srv.URL + `/n?n={{n}}&u={{u}}&i={{i}}&j={{j}}"},
		"event":[{"listen":"test","script":{"exec":[
			"pm.test(JSON.stringify(pm.collectionVariables.toObject()), () => {});",
			"pm.test(JSON.stringify(pm.variables.toObject()), () => {});",
			"pm.test(JSON.stringify(pm.collectionVariables.toJSON().values), () => {});",
			"pm.test(pm.variables.replaceIn('{{n}} {{u}} {{i}} {{j}}'), () => {});",
			"pm.test(pm.collectionVariables.replaceIn('{{n}} {{u}} {{i}} {{j}}'), () => {});"
		]}}]}]}`
	ev, _ := runScripted(t, parse(t, doc), Options{})
	var got []string
	for _, r := range rec.all() {
		got = append(got, r.URI)
	}
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			got = append(got, a.Name)
		}
	}
	want := []string{
		"/n?n=NaN&u=NaN&i=Infinity&j=Infinity",
		`{"n":0,"u":0,"i":null,"j":0}`,
		`{"n":0,"u":0,"i":null,"j":0}`,
		`[{"type":"number","value":0,"key":"n"},{"type":"number","value":0,"key":"u"},{"type":"any","value":null,"key":"i"},{"type":"number","value":0,"key":"j"}]`,
		"0 0 null 0",
		"0 0 null 0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sent and read (-want +got):\n%s", diff)
	}
}
