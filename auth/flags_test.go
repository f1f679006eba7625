package auth

import (
	"strings"
	"testing"
)

func TestRefuseSecretFlag(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, want string }{
		{"tableau-password", "set TABLEAU_PASSWORD in the environment, or put it in a file and pass --secret-file TABLEAU_PASSWORD=path"},
		{"--tableau-pat-secret", "--secret-file TABLEAU_PAT_SECRET=path"},
		{"--tableau-secret-value=" + testSecretValue, "--tableau-secret-value is refused"},
		{"tableau-jwt", "colrun mints a fresh JWT for every sign-in"},
		{"tableau-token", "use the TABLEAU_* environment variables"},
	}
	for _, tc := range tests {
		err := RefuseSecretFlag(tc.name)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "shell history") {
			t.Errorf("RefuseSecretFlag(%q) = %v; want it to contain %q and the reason", tc.name, err, tc.want)
			continue
		}
		assertNoSecret(t, "refusal", err.Error())
	}
}
