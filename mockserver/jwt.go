package mockserver

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// connectedAppClaims are the claims Tableau reads from a Connected App
// JWT; scp stays raw so that its shape can be checked rather than coerced.
type connectedAppClaims struct {
	jwt.RegisteredClaims
	Scopes any `json:"scp"`
}

// jwtIdentity is what a verified JWT signs in as.
type jwtIdentity struct {
	userID string
	scopes []string
	app    string
}

// verifyJWT applies Tableau's direct-trust rules. The error says which rule
// failed, for the operator's log only: the client always gets 401001. Must
// be called with the store locked.
func (h *handler) verifyJWT(token string, site *Site, now time.Time) (*jwtIdentity, error) {
	st := h.store
	skew := h.cfg.ClockSkew
	var app *ConnectedApp
	var claims connectedAppClaims
	parser := jwt.NewParser(
		// Exactly HS256: "none" and every other algorithm (including
		// RS256, whose public-key confusion attacks HMAC keys) are refused.
		jwt.WithValidMethods([]string{"HS256"}),
		jwt.WithAudience("tableau"),
		jwt.WithExpirationRequired(),
		jwt.WithLeeway(skew),
		jwt.WithTimeFunc(func() time.Time { return now }),
	)
	_, err := parser.ParseWithClaims(token, &claims, func(t *jwt.Token) (any, error) {
		kid, _ := t.Header["kid"].(string)
		a, secret := st.secret(kid)
		if a == nil {
			return nil, fmt.Errorf("kid %q is no connected app secret id", kid)
		}
		if a.Disabled {
			return nil, fmt.Errorf("connected app %s is disabled", a.ClientID)
		}
		// Tableau takes iss from the header or the claims; whichever are
		// present must name the app that owns the kid.
		headerIss, inHeader := t.Header["iss"].(string)
		if inHeader && headerIss != a.ClientID || claims.Issuer != "" && claims.Issuer != a.ClientID ||
			!inHeader && claims.Issuer == "" {
			return nil, fmt.Errorf("iss is not the client id of the app that owns kid %q", kid)
		}
		app = a
		return []byte(secret.Value), nil
	})
	if err != nil {
		return nil, err
	}
	// Tableau requires exp to be at most 10 minutes ahead (Connected Apps
	// troubleshooting: "exp ... must be no more than 10 minutes in the
	// future"); the skew allowance is for tokens just expired or not yet
	// valid, not a longer lifetime, so that the mock refuses exactly
	// what colrun's own client (auth.MaxJWTLifetime) refuses to mint.
	exp := claims.ExpiresAt.Time
	if exp.After(now.Add(MaxJWTLifetime)) {
		return nil, fmt.Errorf("exp %s is more than %v ahead", exp.UTC().Format(time.RFC3339), MaxJWTLifetime)
	}
	if !appAllows(app, site.ID) {
		return nil, fmt.Errorf("connected app %s is not enabled for site %s", app.ClientID, site.ID)
	}
	// sub is matched exactly: Tableau documents it as case sensitive,
	// unlike the user name of a password sign-in.
	u := st.userByExactName(claims.Subject)
	if u == nil || !u.memberOf(site.ID) {
		return nil, fmt.Errorf("sub %q is no user of the site", claims.Subject)
	}
	scopes, err := scopeList(claims.Scopes)
	if err != nil {
		return nil, err
	}
	if claims.ID == "" {
		return nil, errors.New("jti is missing")
	}
	// Last, so that a JWT refused for another reason does not burn its jti.
	if st.seenJTI(claims.ID, exp, now, skew) {
		return nil, fmt.Errorf("jti %q was used before", claims.ID)
	}
	return &jwtIdentity{userID: u.ID, scopes: scopes, app: app.ClientID}, nil
}

// scopeList requires scp to be a non-empty array of non-empty strings.
func scopeList(raw any) ([]string, error) {
	list, ok := raw.([]any)
	if !ok || len(list) == 0 {
		return nil, errors.New("scp is not a non-empty list")
	}
	scopes := make([]string, 0, len(list))
	for _, s := range list {
		str, ok := s.(string)
		if !ok || str == "" {
			return nil, errors.New("scp holds something other than scope names")
		}
		scopes = append(scopes, str)
	}
	return scopes, nil
}

func appAllows(app *ConnectedApp, siteID string) bool {
	return len(app.SiteIDs) == 0 || slices.Contains(app.SiteIDs, siteID)
}
