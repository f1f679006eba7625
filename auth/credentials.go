package auth

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Names of the environment variables colrun reads. They are also the names
// accepted by --secret-file NAME=path, so a user never has to learn two
// spellings for one setting.
const (
	EnvServer            = "TABLEAU_SERVER"
	EnvSite              = "TABLEAU_SITE"
	EnvUsername          = "TABLEAU_USERNAME"
	EnvPassword          = "TABLEAU_PASSWORD"
	EnvPATName           = "TABLEAU_PAT_NAME"
	EnvPATSecret         = "TABLEAU_PAT_SECRET"
	EnvClientID          = "TABLEAU_CLIENT_ID"
	EnvSecretID          = "TABLEAU_SECRET_ID"
	EnvSecretValue       = "TABLEAU_SECRET_VALUE"
	EnvJWTSubject        = "TABLEAU_JWT_SUBJECT"
	EnvJWTScopes         = "TABLEAU_JWT_SCOPES"
	EnvJWTLifetime       = "TABLEAU_JWT_LIFETIME"
	EnvImpersonateUserID = "TABLEAU_IMPERSONATE_USER_ID"
)

// JWT lifetimes. Tableau refuses a JWT whose exp is more than ten minutes
// ahead, so colrun refuses to mint one rather than let the server answer
// with its deliberately vague 401001.
const (
	DefaultJWTLifetime = 5 * time.Minute
	MaxJWTLifetime     = 10 * time.Minute
)

// DefaultJWTScopes is what a JWT carries when TABLEAU_JWT_SCOPES is unset:
// enough to read content, which is what most collections do first.
var DefaultJWTScopes = []string{"tableau:content:read"}

// Mask replaces every secret colrun shows. It has a fixed length so that
// it does not reveal how long the secret is.
const Mask = "********"

// Variable documents one setting, so that help texts, error messages and
// --secret-file validation all come from the same list.
type Variable struct {
	Name string
	// Secret variables are masked everywhere, and are the ones a user
	// should keep in a file rather than in shell history.
	Secret bool
	// Methods that need the variable; empty when every method may use it.
	Methods []Method
	// Required is false for settings with a usable default.
	Required bool
	Help     string
}

// Variables lists every setting colrun reads, in the order help texts show
// them.
func Variables() []Variable {
	return []Variable{
		{Name: EnvServer, Help: "server URL, e.g. https://tableau.example.com; only for signing in outside a collection's own URLs"},
		{Name: EnvSite, Help: "site contentUrl, as after /site/ in the browser's URL; empty for the Default site"},
		{Name: EnvUsername, Methods: []Method{MethodPassword}, Required: true, Help: "the user's sign-in name"},
		{Name: EnvPassword, Methods: []Method{MethodPassword}, Required: true, Secret: true, Help: "the user's password"},
		{Name: EnvPATName, Methods: []Method{MethodPAT}, Required: true, Help: "the token's name, as listed in My Account Settings"},
		{Name: EnvPATSecret, Methods: []Method{MethodPAT}, Required: true, Secret: true, Help: "the token's secret, shown once when the token was created"},
		{Name: EnvClientID, Methods: []Method{MethodJWT}, Required: true, Help: "the connected app's client ID, sent as the JWT's iss"},
		{Name: EnvSecretID, Methods: []Method{MethodJWT}, Required: true, Help: "the connected app's secret ID, sent as the JWT's kid"},
		{Name: EnvSecretValue, Methods: []Method{MethodJWT}, Required: true, Secret: true, Help: "the connected app's secret value, which signs the JWT"},
		{Name: EnvJWTSubject, Methods: []Method{MethodJWT}, Required: true, Help: "the Tableau user the JWT signs in as, sent as sub"},
		{Name: EnvJWTScopes, Methods: []Method{MethodJWT}, Help: "space-separated scopes sent as scp, default " + strings.Join(DefaultJWTScopes, " ")},
		{Name: EnvJWTLifetime, Methods: []Method{MethodJWT}, Help: "how long a minted JWT is valid: default 5m, at most 10m"},
		{Name: EnvImpersonateUserID, Methods: []Method{MethodPassword, MethodPAT}, Help: "ID of a user to impersonate; server administrators only"},
	}
}

func lookupVariable(name string) (Variable, bool) {
	for _, v := range Variables() {
		if v.Name == name {
			return v, true
		}
	}
	return Variable{}, false
}

// Credentials are everything a sign-in needs. Values are kept verbatim:
// a password may legitimately start or end with a space.
type Credentials struct {
	// Server is TABLEAU_SERVER; it is not needed to build a body, only to
	// sign in when the collection does not say where.
	Server string
	// Site is the site's contentUrl; empty means the Default site.
	Site string

	Username string
	Password string

	PATName   string
	PATSecret string

	ClientID    string
	SecretID    string
	SecretValue string
	JWTSubject  string
	// JWTScopes empty means DefaultJWTScopes.
	JWTScopes []string
	// JWTLifetime zero means DefaultJWTLifetime; above MaxJWTLifetime is
	// refused.
	JWTLifetime time.Duration

	// ImpersonateUserID adds <user id=""/> to a password or PAT sign-in.
	ImpersonateUserID string
}

// String masks secrets, so that a Credentials value printed by mistake
// (fmt's %v, a panic, a debug log) still leaks nothing.
func (c Credentials) String() string {
	mask := func(s string) string {
		if s == "" {
			return ""
		}
		return Mask
	}
	return fmt.Sprintf("{Server:%q Site:%q Username:%q Password:%q PATName:%q PATSecret:%q ClientID:%q SecretID:%q SecretValue:%q JWTSubject:%q JWTScopes:%q JWTLifetime:%s ImpersonateUserID:%q}",
		c.Server, c.Site, c.Username, mask(c.Password), c.PATName, mask(c.PATSecret),
		c.ClientID, c.SecretID, mask(c.SecretValue), c.JWTSubject, c.JWTScopes, c.jwtLifetime(), c.ImpersonateUserID)
}

// GoString masks secrets for %#v too.
func (c Credentials) GoString() string { return "auth.Credentials" + c.String() }

// Scopes returns the scopes a minted JWT carries.
func (c Credentials) Scopes() []string {
	if len(c.JWTScopes) == 0 {
		return slices.Clone(DefaultJWTScopes)
	}
	return slices.Clone(c.JWTScopes)
}

func (c Credentials) jwtLifetime() time.Duration {
	if c.JWTLifetime == 0 {
		return DefaultJWTLifetime
	}
	return c.JWTLifetime
}

// Secrets returns every secret value set, for a Redactor. Minted JWTs and
// session tokens are not here: they exist only at run time, and the Signer
// registers them as they appear.
func (c Credentials) Secrets() []string {
	var out []string
	for _, s := range []string{c.Password, c.PATSecret, c.SecretValue} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (c Credentials) value(name string) string {
	switch name {
	case EnvServer:
		return c.Server
	case EnvSite:
		return c.Site
	case EnvUsername:
		return c.Username
	case EnvPassword:
		return c.Password
	case EnvPATName:
		return c.PATName
	case EnvPATSecret:
		return c.PATSecret
	case EnvClientID:
		return c.ClientID
	case EnvSecretID:
		return c.SecretID
	case EnvSecretValue:
		return c.SecretValue
	case EnvJWTSubject:
		return c.JWTSubject
	case EnvImpersonateUserID:
		return c.ImpersonateUserID
	}
	return ""
}

// maxSecretFile bounds what --secret-file reads: a secret is short, and a
// large file is almost certainly the wrong path.
const maxSecretFile = 64 << 10

// CredentialsFromEnv reads every setting from getenv, with secretFiles
// (variable name to file path, from --secret-file NAME=path) taking
// precedence. A file's content is used verbatim except for one trailing
// newline, which editors and `echo` add. getenv returning "" means unset.
func CredentialsFromEnv(getenv func(string) string, secretFiles map[string]string) (Credentials, error) {
	values := map[string]string{}
	for _, v := range Variables() {
		values[v.Name] = getenv(v.Name)
	}
	names := make([]string, 0, len(secretFiles))
	for name := range secretFiles {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if _, ok := lookupVariable(name); !ok {
			return Credentials{}, fmt.Errorf("--secret-file %s: unknown name; use one of %s", name, strings.Join(variableNames(), ", "))
		}
		content, err := readSecretFile(secretFiles[name])
		if err != nil {
			return Credentials{}, fmt.Errorf("--secret-file %s: %w", name, err)
		}
		values[name] = content
	}

	c := Credentials{
		Server:            values[EnvServer],
		Site:              values[EnvSite],
		Username:          values[EnvUsername],
		Password:          values[EnvPassword],
		PATName:           values[EnvPATName],
		PATSecret:         values[EnvPATSecret],
		ClientID:          values[EnvClientID],
		SecretID:          values[EnvSecretID],
		SecretValue:       values[EnvSecretValue],
		JWTSubject:        values[EnvJWTSubject],
		ImpersonateUserID: values[EnvImpersonateUserID],
	}
	if scopes := strings.Fields(values[EnvJWTScopes]); len(scopes) > 0 {
		c.JWTScopes = scopes
	}
	if s := strings.TrimSpace(values[EnvJWTLifetime]); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			return Credentials{}, fmt.Errorf("%s=%q is not a duration: write it like 5m or 90s", EnvJWTLifetime, s)
		}
		if err := checkLifetime(d); err != nil {
			return Credentials{}, fmt.Errorf("%s: %w", EnvJWTLifetime, err)
		}
		c.JWTLifetime = d
	}
	return c, nil
}

func variableNames() []string {
	var out []string
	for _, v := range Variables() {
		out = append(out, v.Name)
	}
	return out
}

// readSecretFile keeps the file's content out of every error: only the
// path and the operating system's reason are reported.
func readSecretFile(path string) (string, error) {
	if path == "" {
		return "", errors.New("no path given; write --secret-file NAME=path")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("cannot read the file: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxSecretFile+1))
	if err != nil {
		return "", fmt.Errorf("cannot read %s: %w", path, err)
	}
	if len(b) > maxSecretFile {
		return "", fmt.Errorf("%s is larger than %d KiB; is it the right file?", path, maxSecretFile>>10)
	}
	s := string(b)
	if strings.HasSuffix(s, "\r\n") {
		s = s[:len(s)-2]
	} else if strings.HasSuffix(s, "\n") {
		s = s[:len(s)-1]
	}
	if s == "" {
		return "", fmt.Errorf("%s is empty", path)
	}
	return s, nil
}

// ParseSecretFileSpec splits one --secret-file value, NAME=path. The name is
// checked here so that a typo fails at flag parsing, before anything runs.
func ParseSecretFileSpec(spec string) (name, path string, err error) {
	name, path, ok := strings.Cut(spec, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || path == "" {
		return "", "", fmt.Errorf("--secret-file wants NAME=path, e.g. %s=/run/secrets/tableau-pat", EnvPATSecret)
	}
	if _, known := lookupVariable(name); !known {
		return "", "", fmt.Errorf("--secret-file %s: unknown name; use one of %s", name, strings.Join(variableNames(), ", "))
	}
	return name, path, nil
}

func checkLifetime(d time.Duration) error {
	switch {
	case d < 0:
		return fmt.Errorf("JWT lifetime %s is negative", d)
	case d > 0 && d < time.Second:
		// exp is in whole seconds: it would be the second the JWT is
		// minted in, and Tableau would refuse it with a bare 401001.
		return fmt.Errorf("JWT lifetime %s is under a second: exp counts whole seconds, so the JWT would expire as it is minted; use 5m", d)
	case d > MaxJWTLifetime:
		return fmt.Errorf("JWT lifetime %s is too long: Tableau rejects a JWT whose exp is more than %s ahead; use 10m or less", d, MaxJWTLifetime)
	}
	return nil
}

// Missing lists the variables method m needs that are empty, in the order
// of Variables. colrun tableau signin-body uses it to say which values it
// shows as placeholders.
func (c Credentials) Missing(m Method) []string {
	var out []string
	for _, v := range Variables() {
		if v.Required && slices.Contains(v.Methods, m) && c.value(v.Name) == "" {
			out = append(out, v.Name)
		}
	}
	return out
}

// MissingError says which variables a method needs and did not get, and how
// to set each, because "missing credentials" alone sends users to the docs.
type MissingError struct {
	Method Method
	Names  []string
}

// Error lists each missing variable with what it is, one per line,
// then how to set them.
func (e *MissingError) Error() string {
	var b strings.Builder
	width := 0
	for _, n := range e.Names {
		width = max(width, len(n))
	}
	noun, verb := "this variable, which is", "Set it"
	if len(e.Names) > 1 {
		noun, verb = "these variables, which are", "Set them"
	}
	fmt.Fprintf(&b, "sign-in with a %s needs %s not set:\n", e.Method.Describe(), noun)
	var files []string
	for _, n := range e.Names {
		v, _ := lookupVariable(n)
		fmt.Fprintf(&b, "  %-*s  %s\n", width, n, v.Help)
		if v.Secret {
			files = append(files, "--secret-file "+n+"=path")
		}
	}
	example := "NAME=value"
	if len(e.Names) == 1 {
		example = e.Names[0] + "=..."
	}
	fmt.Fprintf(&b, "%s in the environment (export %s)", verb, example)
	if len(files) > 0 {
		fmt.Fprintf(&b, "; a secret is safer in a file, passed as %s", joinAnd(files))
	}
	return b.String()
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// Check reports everything that would make a sign-in with m fail before a
// request is sent: a missing variable, a site given as a name or URL
// instead of a contentUrl, a JWT lifetime Tableau refuses, impersonation
// with a JWT (whose sub already names the user).
func (c Credentials) Check(m Method) error {
	if !m.valid() {
		_, err := ParseMethod(string(m))
		return err
	}
	if missing := c.Missing(m); len(missing) > 0 {
		return &MissingError{Method: m, Names: missing}
	}
	if strings.ContainsAny(c.Site, "/ \t\n#?") {
		return fmt.Errorf("%s=%q is not a site contentUrl: use the part after /site/ in the site's browser URL (for .../#/site/finance/home that is finance), or leave it empty for the Default site", EnvSite, c.Site)
	}
	if m == MethodJWT {
		if err := checkLifetime(c.JWTLifetime); err != nil {
			return err
		}
		if c.ImpersonateUserID != "" {
			return fmt.Errorf("%s does not apply to JWT sign-in: the JWT's sub claim (%s) already names the user; unset it", EnvImpersonateUserID, EnvJWTSubject)
		}
		for _, s := range c.JWTScopes {
			if !strings.HasPrefix(s, "tableau:") {
				return fmt.Errorf("%s: scope %q does not start with tableau: (e.g. tableau:content:read, tableau:users:*)", EnvJWTScopes, s)
			}
			// A list written with commas is one scope that Tableau never
			// matches, and every call then fails with 401002.
			if i := strings.IndexAny(s, ",;|\"'[]"); i >= 0 {
				return fmt.Errorf("%s: scope %q holds %q: separate scopes with spaces (%s=\"tableau:content:read tableau:users:read\")", EnvJWTScopes, s, s[i:i+1], EnvJWTScopes)
			}
		}
	}
	return nil
}

// MinSecretLength is the shortest password or secret NewSigner accepts.
const MinSecretLength = 4

// checkSecretLengths refuses a secret too short to mask: masking it would
// hide it inside every word of the output, and leaving it unmasked would
// break the promise that secrets never appear.
func (c Credentials) checkSecretLengths() error {
	for _, sec := range []struct{ name, value string }{{EnvPassword, c.Password}, {EnvPATSecret, c.PATSecret}, {EnvSecretValue, c.SecretValue}} {
		if n := utf8.RuneCountInString(sec.value); sec.value != "" && n < MinSecretLength {
			return fmt.Errorf("%s is too short (%d of at least %d characters) for colrun to keep it out of its output without masking ordinary words", sec.name, n, MinSecretLength)
		}
		// Blank is a wrong file or variable, not a password; masking it
		// would mask every run of spaces, the terminal's indentation too.
		if sec.value != "" && strings.TrimSpace(sec.value) == "" {
			return fmt.Errorf("%s is only white space; is it the right variable or file?", sec.name)
		}
	}
	return nil
}
