package auth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/google/uuid"
)

// jwtClaims is a struct, not a jwt.MapClaims, so the claims are encoded in
// the order Tableau's documentation lists them and `aud` stays a plain
// string (golang-jwt's ClaimStrings may encode it as an array).
type jwtClaims struct {
	Issuer    string   `json:"iss"`
	Subject   string   `json:"sub"`
	Audience  string   `json:"aud"`
	ExpiresAt int64    `json:"exp"`
	ID        string   `json:"jti"`
	Scopes    []string `json:"scp"`
}

// The methods below make jwtClaims a jwt.Claims, which golang-jwt needs to
// sign it; only exp is ever set among the time claims.

func (c jwtClaims) GetExpirationTime() (*jwt.NumericDate, error) {
	return jwt.NewNumericDate(time.Unix(c.ExpiresAt, 0)), nil
}
func (c jwtClaims) GetIssuedAt() (*jwt.NumericDate, error)  { return nil, nil }
func (c jwtClaims) GetNotBefore() (*jwt.NumericDate, error) { return nil, nil }
func (c jwtClaims) GetIssuer() (string, error)              { return c.Issuer, nil }
func (c jwtClaims) GetSubject() (string, error)             { return c.Subject, nil }
func (c jwtClaims) GetAudience() (jwt.ClaimStrings, error) {
	return jwt.ClaimStrings{c.Audience}, nil
}

// JWTAudience is the audience every Tableau connected-app JWT must name.
const JWTAudience = "tableau"

// MintJWT creates a connected-app (direct trust) JWT as Tableau requires it:
// HS256 signed with the secret value, header kid = secret ID and iss =
// client ID, claims iss, sub, aud "tableau", exp = now + lifetime, a fresh
// UUID as jti (Tableau refuses a jti it has seen, so a JWT signs in once)
// and scp. Mint one per sign-in; never reuse or store them.
func MintJWT(c Credentials, now time.Time) (string, error) {
	if err := c.Check(MethodJWT); err != nil {
		return "", err
	}
	claims := jwtClaims{
		Issuer:    c.ClientID,
		Subject:   c.JWTSubject,
		Audience:  JWTAudience,
		ExpiresAt: now.Add(c.jwtLifetime()).Unix(),
		ID:        uuid.NewString(),
		Scopes:    c.Scopes(),
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	tok.Header["kid"] = c.SecretID
	tok.Header["iss"] = c.ClientID
	s, err := tok.SignedString([]byte(c.SecretValue))
	if err != nil {
		// golang-jwt's errors name the key type, never the key.
		return "", fmt.Errorf("signing the JWT: %w", err)
	}
	return s, nil
}

// DecodedJWT is a JWT's header and claims as sent, for showing a user what
// a token says. Nothing is verified.
type DecodedJWT struct {
	// Header and Claims are the decoded JSON segments, in their original
	// key order.
	Header, Claims json.RawMessage
	// ExpiresAt is the exp claim; zero when absent.
	ExpiresAt time.Time
}

// DecodeJWT splits and decodes a JWT without verifying it. It exists for
// teaching (colrun tableau jwt) and debugging; never trust what it returns.
func DecodeJWT(token string) (DecodedJWT, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return DecodedJWT{}, errors.New("a JWT has three dot-separated parts")
	}
	var d DecodedJWT
	for i, dst := range []*json.RawMessage{&d.Header, &d.Claims} {
		raw, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			return DecodedJWT{}, fmt.Errorf("JWT part %d is not base64url", i+1)
		}
		if !json.Valid(raw) {
			return DecodedJWT{}, fmt.Errorf("JWT part %d is not JSON", i+1)
		}
		*dst = raw
	}
	var exp struct {
		Exp *json.Number `json:"exp"`
	}
	if json.Unmarshal(d.Claims, &exp) == nil && exp.Exp != nil {
		if n, err := exp.Exp.Int64(); err == nil {
			d.ExpiresAt = time.Unix(n, 0)
		}
	}
	return d, nil
}
