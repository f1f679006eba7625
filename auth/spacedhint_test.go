package auth

import (
	"context"
	"strings"
	"testing"
)

// A value with white space at an edge (a --secret-file with a second
// newline, an export with a quoted space) is sent as written, and Tableau's
// 401001 says nothing of it. The failure now names the setting first.
func TestSigninFailureNamesValuesWithWhiteSpaceAtAnEdge(t *testing.T) {
	t.Parallel()
	_, url := newFake(t, true)
	const prefix = "Tableau gives this same answer whatever the cause; check that:\n  • "
	tests := []struct {
		name string
		m    Method
		edit func(*Credentials)
		want string // the first check listed
	}{
		{"PAT secret with a second newline", MethodPAT, func(c *Credentials) { c.PATSecret += "\n" }, "TABLEAU_PAT_SECRET starts or ends with white space, which is sent as part of the value"},
		{"name and password with spaces", MethodPassword, func(c *Credentials) { c.Password = " " + c.Password; c.Username += "\t" }, "TABLEAU_USERNAME and TABLEAU_PASSWORD start or end with white space, which is sent as part of the value"},
		{"a space in another method's setting", MethodPAT, func(c *Credentials) { c.Password += " "; c.PATSecret += "x" }, "TABLEAU_PAT_NAME and TABLEAU_PAT_SECRET"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := testCredentials()
			tc.edit(&c)
			s, err := NewSigner(tc.m, FormatXML, c, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.SignIn(context.Background(), url)
			if err == nil {
				t.Fatal("sign-in succeeded")
			}
			if !strings.Contains(err.Error(), prefix+tc.want) {
				t.Errorf("message does not start its checks with %q:\n%s", tc.want, err)
			}
		})
	}
}
