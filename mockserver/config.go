package mockserver

import (
	"fmt"
	"log/slog"
	"regexp"
	"time"
)

// Defaults applied to zero Config fields.
const (
	// DefaultAPIVersion is the REST API version the mock claims to be
	// (Tableau 2024.3).
	DefaultAPIVersion = "3.24"
	// DefaultSessionTTL is Tableau Server's default idle session limit.
	DefaultSessionTTL = 240 * time.Minute
	// DefaultMaxBodyBytes caps request bodies; larger ones get 413.
	DefaultMaxBodyBytes = 4 << 20
	// DefaultClockSkew is how far a JWT's exp and nbf may be off the
	// mock's clock.
	DefaultClockSkew = time.Minute
	// MaxJWTLifetime is how far ahead a JWT's exp may be, as Tableau
	// requires of Connected App tokens.
	MaxJWTLifetime = 10 * time.Minute
)

// Config tunes a mock server. The zero value serves DefaultData as
// Tableau REST API 3.24.
type Config struct {
	// Data is the fixture to serve; nil means DefaultData(). The server
	// works on a copy.
	Data *Data
	// APIVersion ("N.N") is what serverinfo reports and what the XML
	// schemaLocation names. Requests may use any version from 1.0 up to
	// it (or exp) in their URL; a newer one gets Tableau's 404001.
	APIVersion string
	// SessionTTL is the idle time after which a session's token stops
	// working.
	SessionTTL time.Duration
	// Latency delays every response, to exercise clients' timeouts.
	Latency time.Duration
	// Echo also serves the postman-echo clone at the root (/get, /post...).
	Echo bool
	// MaxBodyBytes caps request bodies (413 beyond it).
	MaxBodyBytes int64
	// ClockSkew is the tolerance for JWT exp and nbf.
	ClockSkew time.Duration
	// Now replaces the clock, so tests can expire sessions and JWTs without
	// waiting.
	Now func() time.Time
	// Logger, when set, gets one line per request.
	Logger *slog.Logger
}

var apiVersionRE = regexp.MustCompile(`^[0-9]+\.[0-9]+$`)

// IsAPIVersion reports whether v is a REST API version as Config takes it
// ("N.N", e.g. 3.24) and as the mock then serves it: a major version of 1
// or more, and numbers that fit an int (99999999999999999999.1 matched
// N.N, yet every URL under it got 404001, the version not being one).
func IsAPIVersion(v string) bool {
	major, _, ok := parseVersion(v)
	return apiVersionRE.MatchString(v) && ok && major >= 1
}

// Validate reports settings that New would otherwise replace by defaults,
// so that the CLI can refuse them with a clear message.
func (c Config) Validate() error {
	if c.APIVersion != "" && !IsAPIVersion(c.APIVersion) {
		return fmt.Errorf("api version %q is not of the form N.N (e.g. %s)", c.APIVersion, DefaultAPIVersion)
	}
	if c.SessionTTL < 0 {
		return fmt.Errorf("session TTL %v is negative", c.SessionTTL)
	}
	if c.Latency < 0 {
		return fmt.Errorf("latency %v is negative", c.Latency)
	}
	if c.MaxBodyBytes < 0 {
		return fmt.Errorf("body limit %d is negative", c.MaxBodyBytes)
	}
	if c.ClockSkew < 0 {
		return fmt.Errorf("clock skew %v is negative", c.ClockSkew)
	}
	if c.Data != nil {
		if err := c.Data.Validate(); err != nil {
			return fmt.Errorf("mock data: %w", err)
		}
	}
	return nil
}

// withDefaults fills zero or invalid fields; New cannot fail, so it falls
// back rather than refusing.
func (c Config) withDefaults() Config {
	if c.Data == nil {
		c.Data = DefaultData()
	} else {
		c.Data = c.Data.Clone()
	}
	if !IsAPIVersion(c.APIVersion) {
		c.APIVersion = DefaultAPIVersion
	}
	if c.SessionTTL <= 0 {
		c.SessionTTL = DefaultSessionTTL
	}
	if c.Latency < 0 {
		c.Latency = 0
	}
	if c.MaxBodyBytes <= 0 {
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if c.ClockSkew <= 0 {
		c.ClockSkew = DefaultClockSkew
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}
