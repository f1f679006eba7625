package auth

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

// benchSecrets are shaped like a real --tableau-auth run's: a PAT secret
// as Tableau issues them, a password with punctuation, a connected app's
// secret value (a signing key), a session token and a minted JWT.
func benchRedactor(tb testing.TB) *Redactor {
	tb.Helper()
	c := testCredentials()
	c.PATSecret = "Ue2Qz3k1RjO5x9v0Ld8aWg==:Xq7bN2pL9vK4mR6tY1uI3oE8wA5sD0fG"
	c.Password = "Tr0ub4dor&3!horse"
	c.SecretValue = "g5r1YvG0p+Qm3c7x9N2b/HkLzT8wE4sA6dF0jU1iO2w="
	r := NewRedactor(c.Secrets()...)
	r.AddSigningKey(c.SecretValue)
	jwt, err := MintJWT(c, time.Unix(1_800_000_000, 0))
	if err != nil {
		tb.Fatal(err)
	}
	r.Add(jwt)
	r.Add("eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l|0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d|6b7179ba-b82b-4f0f-91ed-812074ac5da6")
	return r
}

// benchXML is a Tableau workbook listing of about 8 kB, without secrets:
// most of what a run masks holds none.
func benchXML() string {
	var b strings.Builder
	b.WriteString(`<?xml version='1.0' encoding='UTF-8'?>
<tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_25.xsd">
  <pagination pageNumber="1" pageSize="100" totalAvailable="12" />
  <workbooks>
`)
	for i := range 12 {
		fmt.Fprintf(&b, `    <workbook id="9df3e2d1-070e-497a-9578-8cc557ced%03d" name="Superstore %d" contentUrl="Superstore%d" webpageUrl="https://10ax.online.tableau.com/#/site/exampledev/workbooks/2656%02d" showTabs="true" size="2" createdAt="2024-02-14T04:42:09Z" updatedAt="2024-02-14T04:42:10Z" sheetCount="9" hasExtracts="false" encryptExtracts="false" defaultViewId="2bdcd787-dcc6-4a5d-bc61-2846f1ef4534">
      <project id="669ca36b-492e-4ccf-bca1-3614fe6a9d7a" name="Samples" description="This project includes automatically uploaded samples." />
      <owner email="bob@example.com" fullName="Bob Smith" id="ee8bc9ca-77fe-4ae0-8093-cf77f0ee67a9" lastLogin="2025-02-04T06:39:20Z" name="bob@example.com" siteRole="SiteAdministratorCreator" />
      <tags />
    </workbook>
`, i, i, i, i)
	}
	b.WriteString("  </workbooks>\n</tsResponse>\n")
	return b.String()
}

// benchJSONChunk is an execution of a JSON report: a PAT sign-in whose
// body, headers and response hold the secrets, and a failed assertion
// whose message chai cut.
func benchJSONChunk(tb testing.TB) string {
	tb.Helper()
	c := testCredentials()
	c.PATSecret = "Ue2Qz3k1RjO5x9v0Ld8aWg==:Xq7bN2pL9vK4mR6tY1uI3oE8wA5sD0fG"
	body, _, err := SigninBody(MethodPAT, FormatJSON, c, "")
	if err != nil {
		tb.Fatal(err)
	}
	resp := `<?xml version='1.0' encoding='UTF-8'?><tsResponse xmlns="http://tableau.com/api"><credentials token="eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l|0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d|6b7179ba-b82b-4f0f-91ed-812074ac5da6" estimatedTimeToExpiration="365:22:10"><site id="6b7179ba-b82b-4f0f-91ed-812074ac5da6" contentUrl="finance"/><user id="1a96d216-e9b8-497b-a82a-0b899a965e01"/></credentials></tsResponse>`
	data := make([]int, len(resp))
	for i := range resp {
		data[i] = int(resp[i])
	}
	exec := map[string]any{
		"item": map[string]any{"name": "Sign in with a personal access token"},
		"request": map[string]any{
			"url":    "http://127.0.0.1:45679/api/3.24/auth/signin",
			"method": "POST",
			"header": []map[string]any{
				{"key": "Content-Type", "value": "application/json"},
				{"key": "Accept", "value": "application/json"},
				{"key": "User-Agent", "value": "colrun/devel", "system": true},
				{"key": "Host", "value": "127.0.0.1:45679", "system": true},
			},
			"body": map[string]any{"mode": "raw", "raw": string(body)},
		},
		"response": map[string]any{
			"status": "OK", "code": 200,
			"header": []map[string]any{
				{"key": "Content-Type", "value": "application/xml;charset=utf-8"},
				{"key": "Date", "value": "Fri, 27 Nov 2026 08:29:14 GMT"},
			},
			"stream":       map[string]any{"type": "Buffer", "data": data},
			"responseTime": 3,
		},
		"assertions": []map[string]any{
			{"assertion": "the token is there", "error": map[string]any{
				"name":    "AssertionError",
				"message": "expected { '$': { …(3) }, error: { …(3) } } to have property 'credentials'",
			}},
		},
	}
	out, err := json.MarshalIndent(exec, "", "  ")
	if err != nil {
		tb.Fatal(err)
	}
	return string(out)
}

// benchShort are the short strings event.Redact masks one by one for each
// request: header names and values, URLs, assertion names.
var benchShort = []string{
	"Content-Type", "application/xml;charset=utf-8", "X-Tableau-Auth",
	"eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l|0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d|6b7179ba-b82b-4f0f-91ed-812074ac5da6",
	"http://127.0.0.1:45679/api/3.24/sites/6b7179ba-b82b-4f0f-91ed-812074ac5da6/workbooks?pageSize=100",
	"User-Agent", "colrun/devel", "Status code is 200", "Response time is less than 2000ms",
	"Fri, 27 Nov 2026 08:29:14 GMT", "gzip, deflate, br", "OK",
}

func BenchmarkRedactor(b *testing.B) {
	r := benchRedactor(b)
	xml, chunk := benchXML(), benchJSONChunk(b)
	if !strings.Contains(r.String(chunk), Mask) {
		b.Fatal("the JSON chunk holds no secret")
	}
	for _, tc := range []struct{ name, in string }{{"XML", xml}, {"JSONChunk", chunk}} {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.in)))
			for b.Loop() {
				r.String(tc.in)
			}
		})
		b.Run(tc.name+"Bytes", func(b *testing.B) {
			in := []byte(tc.in)
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				r.Bytes(in)
			}
		})
	}
	b.Run("Short", func(b *testing.B) {
		n := 0
		for _, s := range benchShort {
			n += len(s)
		}
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range benchShort {
				r.String(s)
			}
		}
	})
	b.Run("Writer", func(b *testing.B) {
		// The JSON reporter's bufio.Writer hands on 4 kB at a time.
		b.SetBytes(int64(len(chunk)))
		for b.Loop() {
			w := r.Writer(io.Discard)
			for i := 0; i < len(chunk); i += 4096 {
				w.Write([]byte(chunk[i:min(i+4096, len(chunk))]))
			}
			w.Close()
		}
	})
}

// BenchmarkRedactorSignIn is what a JWT sign-in costs the Redactor once a
// run has signed in eight times: a new JWT and token, then a text masked
// with them.
func BenchmarkRedactorSignIn(b *testing.B) {
	r := benchRedactor(b)
	c := testCredentials()
	for i := range 8 {
		jwt, err := MintJWT(c, time.Unix(1_800_000_000+int64(i), 0))
		if err != nil {
			b.Fatal(err)
		}
		r.Add(jwt)
		r.Add(fmt.Sprintf("eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l|0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c%02d|6b7179ba", i))
	}
	base := *r.snapshot()
	jwt, err := MintJWT(c, time.Unix(1_900_000_000, 0))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r.mu.Lock()
		r.set = &base
		r.mu.Unlock()
		r.Add(jwt)
		r.String("x")
		r.Add("eIX6mvFsqyansa4KqEI1UwOpS8ggRs2l|0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c99|6b7179ba")
		r.String("x")
	}
}
