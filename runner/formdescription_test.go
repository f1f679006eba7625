package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPmRequestBodyParamDescriptions checks that urlencoded and form-data
// entries carry their description into scripts as postman-collection does
// ({content, type}, listed before key and value), with the values Newman
// 6.2.2 logs for the same collection. Descriptions with other types are
// formdescriptiontype_test.go's.
func TestPmRequestBodyParamDescriptions(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	var items []string
	for _, mode := range []string{"urlencoded", "formdata"} {
		items = append(items, fmt.Sprintf(`{"name":%q,"request":{"method":"POST","url":"{{base}}/x","body":{"mode":%q,%q:[
			{"key":"a","value":"1","description":"the a"},{"key":"b","value":"2"}]}},
			"event":[{"listen":"test","script":{"exec":["console.log(JSON.stringify(pm.request.body.%s.toJSON()))"]}}]}`, mode, mode, mode, mode))
	}
	ev, _ := runScripted(t, parse(t, collection(rec.srv.URL, strings.Join(items, ","))), Options{})
	var got []string
	for _, e := range ev.all {
		if c := e.Console; c != nil {
			got = append(got, c.Messages[0])
		}
	}
	newman := `'[{"description":{"content":"the a","type":"text/plain"},"key":"a","value":"1"},{"key":"b","value":"2"}]'`
	if d := cmp.Diff([]string{newman, newman}, got); d != "" {
		t.Errorf("pm.request.body entries (-newman +colrun):\n%s", d)
	}
}
