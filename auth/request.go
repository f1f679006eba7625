package auth

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// DefaultAPIVersion is the REST API version colrun uses when it signs in on
// its own and nothing says otherwise; the mock server defaults to it too.
const DefaultAPIVersion = "3.24"

// IsSigninRequest reports whether a request is Tableau's sign-in, POST
// .../api/{version}/auth/signin, whose body colrun replaces. The path is
// compared case-insensitively with a trailing slash tolerated, as Tableau
// routes it, and anything may precede /api (a reverse proxy's prefix).
func IsSigninRequest(method, rawURL string) bool {
	return isAuthRequest(method, rawURL, "signin")
}

// IsSwitchSiteRequest reports POST .../api/{version}/auth/switchSite, whose
// response carries a new token (the old one dies) that colrun must capture
// just like a sign-in's.
func IsSwitchSiteRequest(method, rawURL string) bool {
	return isAuthRequest(method, rawURL, "switchsite")
}

// IsSignoutRequest reports POST .../api/{version}/auth/signout, after which
// the captured token is dead and must not be sent again.
func IsSignoutRequest(method, rawURL string) bool {
	return isAuthRequest(method, rawURL, "signout")
}

func isAuthRequest(method, rawURL, action string) bool {
	if !strings.EqualFold(strings.TrimSpace(method), http.MethodPost) {
		return false
	}
	p := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		p = u.Path
	} else if i := strings.IndexAny(p, "?#"); i >= 0 {
		// Unresolved {{variables}} can make a URL unparsable; the path
		// is still recognisable.
		p = p[:i]
	}
	p = strings.TrimSuffix(p, "/")
	segs := strings.Split(p, "/")
	if len(segs) < 4 {
		return false
	}
	segs = segs[len(segs)-4:]
	return strings.EqualFold(segs[0], "api") && segs[1] != "" &&
		strings.EqualFold(segs[2], "auth") && strings.EqualFold(segs[3], action)
}

// apiPathRE matches the /api/{version} of a REST URL and what follows it
// (a baseUrl, or the whole sign-in URL).
var apiPathRE = regexp.MustCompile(`/api/([0-9]+\.[0-9]+|exp)(/.*)?$`)

// SigninURL builds the sign-in URL from TABLEAU_SERVER, for signing in when
// a collection has no sign-in request. server may be a bare host
// ("tableau.example.com", https assumed: Tableau Cloud refuses plain http)
// or a URL with scheme and even a path prefix.
func SigninURL(server, apiVersion string) (string, error) {
	server = strings.TrimSpace(server)
	if server == "" {
		return "", fmt.Errorf("%s is not set: export %s=https://tableau.example.com, or run a collection whose requests name the server", EnvServer, EnvServer)
	}
	if !strings.Contains(server, "://") {
		server = "https://" + server
	}
	u, err := url.Parse(server)
	if err == nil && u.User != nil {
		// Not echoed: the part before @ may be a password.
		return "", fmt.Errorf("%s must not contain a user name or password: write it like https://tableau.example.com and use the sign-in variables", EnvServer)
	}
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		if strings.Contains(server, "@") {
			return "", fmt.Errorf("%s is not a server URL: write it like https://tableau.example.com", EnvServer)
		}
		return "", fmt.Errorf("%s=%q is not a server URL: write it like https://tableau.example.com", EnvServer, server)
	}
	// A browser's address (https://host/#/site/finance/home) names the
	// site in its fragment, which a sign-in would drop and so sign in to
	// the Default site instead; a Postman baseUrl (https://host/api/3.24)
	// would get /api/3.24 twice and a 404.
	if site, ok := strings.CutPrefix(u.Fragment, "/site/"); ok {
		site, _, _ = strings.Cut(site, "/")
		return "", fmt.Errorf("%s=%q names the site after #, as the browser shows it: set %s=%s://%s%s and %s=%s", EnvServer, server, EnvServer, u.Scheme, u.Host, strings.TrimSuffix(u.Path, "/"), EnvSite, site)
	}
	if u.Fragment != "" {
		return "", fmt.Errorf("%s=%q has a # part, which is not sent to the server: set %s=%s://%s%s", EnvServer, server, EnvServer, u.Scheme, u.Host, strings.TrimSuffix(u.Path, "/"))
	}
	if loc := apiPathRE.FindStringIndex(u.Path); loc != nil {
		return "", fmt.Errorf("%s=%q holds the REST API's path: set %s=%s://%s%s (colrun adds /api/<version>/auth/signin itself)", EnvServer, server, EnvServer, u.Scheme, u.Host, u.Path[:loc[0]])
	}
	if apiVersion == "" {
		apiVersion = DefaultAPIVersion
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/api/" + apiVersion + "/auth/signin"
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}
