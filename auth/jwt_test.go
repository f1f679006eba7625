package auth

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/go-cmp/cmp"
	"github.com/google/uuid"
)

func TestMintJWTVerifiesWithGolangJWT(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		lifetime   time.Duration
		scopes     []string
		wantScopes []string
	}{
		{"defaults", 0, nil, []string{"tableau:content:read"}},
		{"ten minutes and scopes", 10 * time.Minute, []string{"tableau:users:read", "tableau:projects:*"}, []string{"tableau:users:read", "tableau:projects:*"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := testCredentials()
			c.JWTLifetime, c.JWTScopes = tc.lifetime, tc.scopes
			s, err := MintJWT(c, now)
			if err != nil {
				t.Fatal(err)
			}
			claims := jwt.MapClaims{}
			tok, err := jwt.ParseWithClaims(s, claims, func(tok *jwt.Token) (any, error) {
				return []byte(testSecretValue), nil
			},
				jwt.WithValidMethods([]string{"HS256"}),
				jwt.WithAudience("tableau"),
				jwt.WithIssuer(c.ClientID),
				jwt.WithSubject("alice"),
				jwt.WithExpirationRequired(),
				jwt.WithTimeFunc(func() time.Time { return now }),
			)
			if err != nil {
				t.Fatalf("golang-jwt rejects the minted JWT: %v", err)
			}
			if diff := cmp.Diff(map[string]any{"alg": "HS256", "typ": "JWT", "kid": c.SecretID, "iss": c.ClientID}, tok.Header); diff != "" {
				t.Errorf("header (-want +got):\n%s", diff)
			}
			lifetime := tc.lifetime
			if lifetime == 0 {
				lifetime = 5 * time.Minute
			}
			if exp, _ := claims.GetExpirationTime(); !exp.Equal(now.Add(lifetime)) {
				t.Errorf("exp = %v, want %v", exp, now.Add(lifetime))
			}
			if aud, ok := claims["aud"].(string); !ok || aud != "tableau" {
				t.Errorf("aud = %#v, want the string \"tableau\"", claims["aud"])
			}
			if _, err := uuid.Parse(claims["jti"].(string)); err != nil {
				t.Errorf("jti %v is not a UUID", claims["jti"])
			}
			var scp []string
			for _, s := range claims["scp"].([]any) {
				scp = append(scp, s.(string))
			}
			if diff := cmp.Diff(tc.wantScopes, scp); diff != "" {
				t.Errorf("scp (-want +got):\n%s", diff)
			}
			var keys []string
			for k := range claims {
				keys = append(keys, k)
			}
			if len(keys) != 6 {
				t.Errorf("claims %v, want exactly iss sub aud exp jti scp", keys)
			}
		})
	}
}

func TestMintJWTFreshJTI(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	a, err := MintJWT(testCredentials(), now)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := MintJWT(testCredentials(), now)
	da, _ := DecodeJWT(a)
	db, _ := DecodeJWT(b)
	if a == b || string(da.Claims) == string(db.Claims) {
		t.Error("two JWTs minted at the same instant are identical; jti must differ")
	}
}

func TestMintJWTRefuses(t *testing.T) {
	t.Parallel()
	tooLong := testCredentials()
	tooLong.JWTLifetime = 10*time.Minute + time.Second
	missing := testCredentials()
	missing.SecretValue = ""
	for name, c := range map[string]Credentials{"lifetime": tooLong, "missing": missing} {
		s, err := MintJWT(c, time.Now())
		if err == nil || s != "" {
			t.Errorf("%s: MintJWT = %q, %v; want an error", name, s, err)
			continue
		}
		assertNoSecret(t, name, err.Error())
	}
}

func TestDecodeJWT(t *testing.T) {
	t.Parallel()
	now := time.Unix(1_700_000_000, 0)
	s, _ := MintJWT(testCredentials(), now)
	d, err := DecodeJWT(s)
	if err != nil {
		t.Fatal(err)
	}
	if !d.ExpiresAt.Equal(now.Add(5 * time.Minute)) {
		t.Errorf("ExpiresAt = %v", d.ExpiresAt)
	}
	// The claims keep Tableau's documented order.
	var order []string
	dec := json.NewDecoder(strings.NewReader(string(d.Claims)))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		order = append(order, k.(string))
		var skip json.RawMessage
		dec.Decode(&skip)
	}
	if diff := cmp.Diff([]string{"iss", "sub", "aud", "exp", "jti", "scp"}, order); diff != "" {
		t.Errorf("claim order (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "a.b", "!!.e30.x", "e30.!!.x", "bm90anNvbg.e30.x"} {
		if _, err := DecodeJWT(bad); err == nil {
			t.Errorf("DecodeJWT(%q) succeeded", bad)
		}
	}
}
