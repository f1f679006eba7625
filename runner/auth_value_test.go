package runner

import (
	"fmt"
	"strings"
	"testing"
)

// TestAuthFlagsReadNumbersAsJavaScript: a flag saved as a JSON number
// (`"value": 0`) is falsy at 0, as postman-runtime's `if (params.x)`
// reads it. awsv4's addAuthDataToQuery shows it: 0 signs in the
// Authorization header, 1 in the query string.
func TestAuthFlagsReadNumbersAsJavaScript(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		flag      string
		wantQuery bool
	}{
		{`0`, false},
		{`0.0`, false},
		{`1`, true},
		{`-2.5`, true},
		{`"0"`, true},
		{`""`, false},
	} {
		t.Run(tc.flag, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			doc := fmt.Sprintf(`{"info":{"name":"t"},"item":[{"name":"x","request":{"url":"%s/x","auth":{"type":"awsv4","awsv4":[
				{"key":"accessKey","value":"AKID"},{"key":"secretKey","value":"SECRET"},{"key":"region","value":"us-east-1"},
				{"key":"service","value":"s3"},{"key":"addAuthDataToQuery","value":%s}]}}}]}`, rec.srv.URL, tc.flag)
			run(t, parse(t, doc), Options{})
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server received %d requests", len(got))
			}
			inQuery := strings.Contains(got[0].URI, "X-Amz-Signature=")
			inHeader := strings.HasPrefix(got[0].Header.Get("Authorization"), "AWS4-HMAC-SHA256 ")
			if inQuery != tc.wantQuery || inHeader == tc.wantQuery {
				t.Errorf("addAuthDataToQuery %s: signature in query %v, in header %v; want in query %v", tc.flag, inQuery, inHeader, tc.wantQuery)
			}
		})
	}
}
