package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/spf13/pflag"

	"github.com/colrun/colrun/auth"
)

// tableauCommand groups the sign-in helpers. They exist to teach and to
// debug: every body, header and path they show is produced by the same
// auth package code that colrun run uses, so what they show is what runs.
func tableauCommand(ctx context.Context, args []string, sio stdio) int {
	if len(args) == 0 {
		tableauUsage(sio.err)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		tableauUsage(sio.out)
		return exitOK
	case "jwt":
		return tableauJWT(args[1:], sio)
	case "signin-body":
		return tableauSigninBody(args[1:], sio)
	case "signin":
		return tableauSignin(ctx, args[1:], sio)
	}
	if strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(sio.err, "colrun tableau: unknown flag %s; name a subcommand first (run \"colrun tableau --help\")\n", args[0])
	} else {
		fmt.Fprintf(sio.err, "colrun tableau: unknown subcommand %q; use jwt, signin-body or signin\n", args[0])
	}
	return exitUsage
}

func tableauUsage(w io.Writer) {
	fmt.Fprint(w, `colrun tableau: Tableau REST sign-in helpers, to learn from and to debug with.

Usage:
  colrun tableau <subcommand> [flags]

Subcommands:
  signin-body  print the exact sign-in body colrun sends, secrets as ********;
               --side-by-side compares XML and JSON and shows where the token is
  jwt          mint a connected-app JWT: the token on stdout (for piping),
               its decoded header and claims on stderr
  signin       sign in to TABLEAU_SERVER once, show the session, sign out:
               a quick check of your credentials

Settings come from the environment, or from files with --secret-file NAME=path:
`)
	fmt.Fprintf(w, "  %-28s %-17s %s\n", "NAME", "USED BY", "WHAT")
	for _, v := range auth.Variables() {
		used := "all methods"
		if len(v.Methods) > 0 {
			var ms []string
			for _, m := range v.Methods {
				ms = append(ms, string(m))
			}
			used = strings.Join(ms, ", ")
		}
		if v.Secret {
			used += " (secret)"
		}
		fmt.Fprintf(w, "  %-28s %-17s %s\n", v.Name, used, v.Help)
	}
	fmt.Fprint(w, `
Examples:
  colrun tableau signin-body --method pat --format json
  colrun tableau signin-body --method password --side-by-side
  colrun tableau jwt --subject alice | pbcopy
  colrun tableau signin --method jwt --format json

Run "colrun tableau <subcommand> --help" for its flags.
`)
}

// secretFileFlag collects repeated --secret-file NAME=path flags. colrun
// run uses it too, so both commands accept exactly the same spelling.
type secretFileFlag map[string]string

// String lists the names only: pflag prints it in messages, and paths
// may reveal more than needed.
func (s secretFileFlag) String() string {
	var names []string
	for n := range s {
		names = append(names, n)
	}
	slices.Sort(names)
	return strings.Join(names, ",")
}

// Set checks the name at parse time, so a typo fails before anything
// runs.
func (s secretFileFlag) Set(spec string) error {
	name, path, err := auth.ParseSecretFileSpec(spec)
	if err != nil {
		return err
	}
	if _, dup := s[name]; dup {
		return fmt.Errorf("--secret-file %s given twice", name)
	}
	s[name] = path
	return nil
}

// Type is the placeholder pflag shows in help.
func (s secretFileFlag) Type() string { return "NAME=path" }

// addRefusedSecretFlags registers the flags that exist only to be refused
// (see auth.RefuseSecretFlag); they are hidden from help. colrun run calls
// it too.
func addRefusedSecretFlags(fs *pflag.FlagSet) {
	for _, f := range auth.SecretFlags() {
		fs.String(f.Name, "", "refused: secrets are not accepted as flags")
		_ = fs.MarkHidden(f.Name) // the flag was just defined
	}
}

// checkRefusedSecretFlags returns the refusal for the first refused flag
// given, after parsing.
func checkRefusedSecretFlags(fs *pflag.FlagSet) error {
	for _, f := range auth.SecretFlags() {
		if fs.Changed(f.Name) {
			return auth.RefuseSecretFlag(f.Name)
		}
	}
	return nil
}

// newTableauFlags makes a FlagSet that reports errors itself, in one line.
func newTableauFlags(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet("colrun tableau "+name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	addRefusedSecretFlags(fs)
	return fs
}

// parseTableauFlags parses and handles --help, bad flags and refused
// flags; it returns -1 when the caller should go on.
func parseTableauFlags(fs *pflag.FlagSet, args []string, sio stdio, usage string) int {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		fmt.Fprintf(sio.out, "Usage:\n  %s\n\nFlags:\n%s", usage, fs.FlagUsages())
		return exitOK
	case err != nil:
		fmt.Fprintf(sio.err, "%s: %s\n", fs.Name(), flagError(fs, err))
		return exitUsage
	}
	if err := checkRefusedSecretFlags(fs); err != nil {
		fmt.Fprintf(sio.err, "%s: %v\n", fs.Name(), err)
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(sio.err, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return exitUsage
	}
	return -1
}

// errorLines prints a possibly multi-line error under the command's name.
func errorLines(w io.Writer, cmd string, err error) {
	fmt.Fprintf(w, "%s: %s\n", cmd, err)
}

func tableauJWT(args []string, sio stdio) int {
	fs := newTableauFlags("jwt")
	files := secretFileFlag{}
	fs.Var(files, "secret-file", "read a setting from a file, e.g. TABLEAU_SECRET_VALUE=/run/secrets/app (repeatable)")
	subject := fs.String("subject", "", "user to sign in as (overrides TABLEAU_JWT_SUBJECT)")
	scopes := fs.String("scopes", "", "space-separated scopes (overrides TABLEAU_JWT_SCOPES)")
	lifetime := fs.Duration("lifetime", 0, "validity, at most 10m (overrides TABLEAU_JWT_LIFETIME; default 5m)")
	if code := parseTableauFlags(fs, args, sio, "colrun tableau jwt [--subject USER] [--scopes \"tableau:content:read ...\"] [--lifetime 5m] [--secret-file NAME=path]"); code >= 0 {
		return code
	}
	c, err := auth.CredentialsFromEnv(sio.getenv, files)
	if err != nil {
		errorLines(sio.err, fs.Name(), err)
		return exitUsage
	}
	if *subject != "" {
		c.JWTSubject = *subject
	}
	if *scopes != "" {
		c.JWTScopes = strings.Fields(*scopes)
	}
	if fs.Changed("lifetime") {
		if *lifetime <= 0 {
			fmt.Fprintf(sio.err, "%s: --lifetime must be positive, e.g. 5m\n", fs.Name())
			return exitUsage
		}
		c.JWTLifetime = *lifetime
	}
	now := time.Now()
	token, err := auth.MintJWT(c, now)
	if err != nil {
		errorLines(sio.err, fs.Name(), err)
		return exitUsage
	}
	d, err := auth.DecodeJWT(token)
	if err != nil { // MintJWT's own output; cannot happen
		errorLines(sio.err, fs.Name(), err)
		return exitRuntime
	}
	life := d.ExpiresAt.Sub(now.Truncate(time.Second)).Round(time.Second)
	var b strings.Builder
	fmt.Fprintf(&b, "A connected-app JWT (direct trust) signing in %s, valid for %s, until %s.\n",
		c.JWTSubject, life, d.ExpiresAt.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "It is on stdout; it works for one sign-in only (Tableau refuses a jti it has seen).\n\n")
	fmt.Fprintf(&b, "header\n%s\n\nclaims\n%s\n\n", indentJSON(d.Header), indentJSON(d.Claims))
	rows := [][2]string{
		{"alg", "HS256, signed with the secret value (" + auth.EnvSecretValue + "); Tableau accepts no other"},
		{"kid", "the connected app's secret ID (" + auth.EnvSecretID + ")"},
		{"iss", "the connected app's client ID (" + auth.EnvClientID + "), in header and claims"},
		{"sub", "the user the session belongs to (" + auth.EnvJWTSubject + ")"},
		{"aud", `always "tableau"`},
		{"exp", fmt.Sprintf("expiry in Unix seconds: now + %s; Tableau refuses more than 10m (%s)", life, auth.EnvJWTLifetime)},
		{"jti", "a fresh UUID, so the JWT cannot be replayed"},
		{"scp", "what the session may do (" + auth.EnvJWTScopes + ")"},
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-4s %s\n", r[0], r[1])
	}
	site, _ := json.Marshal(c.Site)
	fmt.Fprintf(&b, "\nSign in with it: POST .../api/%s/auth/signin with the body\n  %s\n(see: colrun tableau signin-body --method jwt --side-by-side)\n",
		auth.DefaultAPIVersion, `{"credentials":{"jwt":"<the JWT>","site":{"contentUrl":`+string(site)+`}}}`)
	fmt.Fprint(sio.err, b.String())
	fmt.Fprintln(sio.out, token)
	return exitOK
}

func indentJSON(raw []byte) string {
	var buf bytes.Buffer
	if err := json.Indent(&buf, raw, "  ", "  "); err != nil {
		return "  " + string(raw)
	}
	return "  " + buf.String()
}

// signinFlags are the flags shared by signin-body and signin.
type signinFlags struct {
	method, format, apiVersion, impersonate string
	files                                   secretFileFlag
}

func (f *signinFlags) register(fs *pflag.FlagSet, formatDefault string) {
	f.files = secretFileFlag{}
	fs.StringVar(&f.method, "method", "password", "sign-in method: password, pat or jwt")
	fs.StringVar(&f.format, "format", formatDefault, "xml or json")
	fs.StringVar(&f.apiVersion, "api-version", auth.DefaultAPIVersion, "REST API version in the URL")
	fs.StringVar(&f.impersonate, "impersonate", "", "user ID to impersonate (overrides TABLEAU_IMPERSONATE_USER_ID)")
	fs.Var(f.files, "secret-file", "read a setting from a file, e.g. TABLEAU_PAT_SECRET=/run/secrets/pat (repeatable)")
}

// load resolves the method, format and credentials; a non-negative code
// means stop with it.
func (f *signinFlags) load(cmd string, sio stdio) (auth.Method, auth.Format, auth.Credentials, int) {
	m, err := auth.ParseMethod(f.method)
	if err != nil {
		errorLines(sio.err, cmd, fmt.Errorf("--method: %w", err))
		return "", "", auth.Credentials{}, exitUsage
	}
	var format auth.Format
	if f.format != "" {
		if format, err = auth.ParseFormat(f.format); err != nil {
			errorLines(sio.err, cmd, fmt.Errorf("--format: %w", err))
			return "", "", auth.Credentials{}, exitUsage
		}
	}
	c, err := auth.CredentialsFromEnv(sio.getenv, f.files)
	if err != nil {
		errorLines(sio.err, cmd, err)
		return "", "", auth.Credentials{}, exitUsage
	}
	if f.impersonate != "" {
		c.ImpersonateUserID = f.impersonate
	}
	return m, format, c, -1
}

func tableauSigninBody(args []string, sio stdio) int {
	fs := newTableauFlags("signin-body")
	var sf signinFlags
	sf.register(fs, "")
	side := fs.Bool("side-by-side", false, "show XML and JSON next to each other, with where the token, site id and user id are in each response")
	if code := parseTableauFlags(fs, args, sio, "colrun tableau signin-body [--method password|pat|jwt] [--format xml|json | --side-by-side]"); code >= 0 {
		return code
	}
	m, f, c, code := sf.load(fs.Name(), sio)
	if code >= 0 {
		return code
	}
	if *side && f != "" {
		fmt.Fprintf(sio.err, "%s: --side-by-side shows both formats; drop --format\n", fs.Name())
		return exitUsage
	}
	if f == "" {
		f = auth.FormatXML
	}
	url := "$" + auth.EnvServer + "/api/" + sf.apiVersion + "/auth/signin"
	if c.Server != "" {
		if u, err := auth.SigninURL(c.Server, sf.apiVersion); err == nil {
			url = u
		}
	}
	notes := bodyNotes(m, c)
	if *side {
		fmt.Fprint(sio.out, sideBySide(m, c, url, notes))
		return exitOK
	}
	fmt.Fprintf(sio.err, "POST %s\nContent-Type: %s\nAccept: %s\n\n", url, f.MediaType(), f.MediaType())
	fmt.Fprintf(sio.out, "%s\n", auth.RedactedSigninBody(m, f, c))
	if len(notes) > 0 {
		fmt.Fprintf(sio.err, "\n%s", strings.Join(notes, "\n")+"\n")
	}
	return exitOK
}

// bodyNotes explains what in the shown body is not literally what would be
// sent, and anything Check would refuse.
func bodyNotes(m auth.Method, c auth.Credentials) []string {
	notes := []string{"Secrets are shown as " + auth.Mask + "; colrun sends the real values."}
	if m == auth.MethodJWT {
		notes = append(notes, "The jwt value is minted fresh for every sign-in (see: colrun tableau jwt).")
	}
	if missing := c.Missing(m); len(missing) > 0 {
		notes = append(notes, "Not set, shown as $NAME: "+strings.Join(missing, ", ")+". Export them (or use --secret-file NAME=path) before colrun run.")
	} else if err := c.Check(m); err != nil {
		notes = append(notes, "colrun run would refuse these settings: "+err.Error())
	}
	if c.Site == "" {
		notes = append(notes, `contentUrl "" means the Default site; set `+auth.EnvSite+" to sign in to another site.")
	}
	return notes
}

// sideBySide renders the teaching view: request and response of both
// formats in two columns, then where each value lives.
func sideBySide(m auth.Method, c auth.Credentials, url string, notes []string) string {
	const maxLeft = 58
	var left, right []string
	add := func(l, r []string) {
		for len(l) < len(r) {
			l = append(l, "")
		}
		for len(r) < len(l) {
			r = append(r, "")
		}
		left, right = append(left, l...), append(right, r...)
	}
	heading := func(l, r string) {
		add([]string{"", l, strings.Repeat("─", utf8.RuneCountInString(l))}, []string{"", r, strings.Repeat("─", utf8.RuneCountInString(r))})
	}
	xml, js := auth.FormatXML, auth.FormatJSON
	heading("request headers", "request headers")
	add([]string{"Content-Type: " + xml.MediaType(), "Accept: " + xml.MediaType()},
		[]string{"Content-Type: " + js.MediaType(), "Accept: " + js.MediaType()})
	heading("request body", "request body")
	add(wrapXML(lines(auth.RedactedSigninBody(m, xml, c)), maxLeft), lines(auth.RedactedSigninBody(m, js, c)))
	heading("response body (example)", "response body (example)")
	add(wrapXML(lines(auth.ExampleSigninResponse(xml, c.Site)), maxLeft), lines(auth.ExampleSigninResponse(js, c.Site)))
	heading("where the values are", "where the values are")
	var lx, rx []string
	for _, f := range auth.SigninResponseFields() {
		if f.Name == auth.FieldSiteContentURL {
			continue
		}
		lx = append(lx, fmt.Sprintf("%-8s %s", f.Name, f.XML))
		rx = append(rx, fmt.Sprintf("%-8s %s", f.Name, f.JSON))
	}
	for _, f := range auth.ErrorResponseFields() {
		if f.Name == "code" {
			lx = append(lx, fmt.Sprintf("%-8s %s", "error", f.XML))
			rx = append(rx, fmt.Sprintf("%-8s %s", "error", f.JSON+`  (a string: "401001")`))
		}
	}
	add(lx, rx)
	heading("in a Postman test script", "in a Postman test script")
	add([]string{"xml2Json(responseBody)", "  .tsResponse.credentials.$.token"}, []string{"pm.response.json()", "  .credentials.token"})

	width, rwidth := 0, 0
	for i := range left {
		width = max(width, utf8.RuneCountInString(left[i]))
		rwidth = max(rwidth, utf8.RuneCountInString(right[i]))
	}
	var b strings.Builder
	title := fmt.Sprintf("Sign-in with a %s (--method %s), XML and JSON side by side", m.Describe(), m)
	fmt.Fprintf(&b, "%s\n%s\nPOST %s\n\n", title, strings.Repeat("═", utf8.RuneCountInString(title)), url)
	row := func(l, sep, r string) {
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(l))
		fmt.Fprintf(&b, "%s\n", strings.TrimRight("  "+l+pad+sep+r, " "))
	}
	row("XML", " │ ", "JSON")
	row(strings.Repeat("═", width), "═╪═", strings.Repeat("═", rwidth))
	for i := range left[1:] { // left[0] is the blank line of the first heading
		row(left[i+1], " │ ", right[i+1])
	}
	b.WriteString(`
What differs
  • XML wraps everything in <tsRequest> and <tsResponse>; JSON has no wrapper:
    "credentials" is the top-level key.
  • XML attributes become JSON keys with string values; child elements such as
    <site> become nested objects.
  • XML responses are in the namespace http://tableau.com/api: an XPath needs a
    prefix bound to it (/t:tsResponse/t:credentials/@token); JSON has none.
  • Tableau reads the body in the Content-Type's format and answers in the
    Accept's; without Accept: application/json it answers in XML. colrun sets
    both. (Long XML tags are wrapped between attributes here, which XML ignores.)
  • Every later request sends the token as the X-Tableau-Auth header, and the
    site id in its URL: /api/` + auth.DefaultAPIVersion + `/sites/{site id}/workbooks.
`)
	if len(notes) > 0 {
		b.WriteString("\nNotes\n")
		for _, n := range notes {
			fmt.Fprintf(&b, "  • %s\n", n)
		}
	}
	return b.String()
}

func lines(b []byte) []string { return strings.Split(string(b), "\n") }

// wrapXML breaks start tags longer than width between attributes, indenting
// continuation lines, for display only.
func wrapXML(in []string, width int) []string {
	var out []string
	for _, l := range in {
		if utf8.RuneCountInString(l) <= width {
			out = append(out, l)
			continue
		}
		indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
		parts := splitOutsideQuotes(strings.TrimLeft(l, " "))
		cur := indent + parts[0]
		for _, p := range parts[1:] {
			if utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(p) > width {
				out = append(out, cur)
				cur = indent + "    " + p
				continue
			}
			cur += " " + p
		}
		out = append(out, cur)
	}
	return out
}

// splitOutsideQuotes splits a tag at spaces that are not inside an
// attribute value.
func splitOutsideQuotes(s string) []string {
	var parts []string
	quote := rune(0)
	start := 0
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ' ':
			if i > start {
				parts = append(parts, s[start:i])
			}
			start = i + 1
		}
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	if len(parts) == 0 {
		parts = []string{s}
	}
	return parts
}

func tableauSignin(ctx context.Context, args []string, sio stdio) int {
	fs := newTableauFlags("signin")
	var sf signinFlags
	sf.register(fs, "xml")
	printToken := fs.Bool("print-token", false, "print only the token on stdout and stay signed in (for X-Tableau-Auth in scripts)")
	timeout := fs.Duration("timeout", 30*time.Second, "give up on a server that has not answered within this time (0: wait for ever)")
	if code := parseTableauFlags(fs, args, sio, "colrun tableau signin [--method password|pat|jwt] [--format xml|json] [--print-token]"); code >= 0 {
		return code
	}
	m, f, c, code := sf.load(fs.Name(), sio)
	if code >= 0 {
		return code
	}
	if *timeout < 0 {
		errorLines(sio.err, fs.Name(), fmt.Errorf("--timeout %v is negative", *timeout))
		return exitUsage
	}
	url, err := auth.SigninURL(c.Server, sf.apiVersion)
	if err != nil {
		errorLines(sio.err, fs.Name(), err)
		return exitUsage
	}
	signer, err := auth.NewSigner(m, f, c, nil)
	if err != nil {
		errorLines(sio.err, fs.Name(), err)
		return exitUsage
	}
	signer.Client = proxiedClient(sio.getenv)
	// Everything but the token requested with --print-token goes through
	// the redactor, which learns the token as soon as it is captured.
	errw := signer.Redactor.Writer(sio.err)
	defer errw.Close()
	fmt.Fprintf(errw, "POST %s (%s, %s)\n", url, m.Describe(), f.Describe())
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	sess, err := signer.SignIn(ctx, url)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within --timeout %v: %w", *timeout, err)
		}
		errorLines(errw, fs.Name(), err)
		return exitFailed
	}
	if sess.URL != "" && sess.URL != url {
		// The session is the answering server's: sign out there, not
		// through the redirect, which would carry the token to the first
		// address (in clear text when that is http).
		fmt.Fprintf(errw, "The server redirected the sign-in to %s; the session is there (set TABLEAU_SERVER to that server to skip the redirect).\n", sess.URL)
		url = sess.URL
	}
	if *printToken {
		fmt.Fprintf(errw, "Signed in; the token is on stdout. Send it as %s; sign out with POST %s.\n", auth.AuthHeader, auth.SignoutURL(url))
		fmt.Fprintln(sio.out, sess.Token)
		return exitOK
	}
	outw := signer.Redactor.Writer(sio.out)
	defer outw.Close()
	site := "the Default site"
	if sess.SiteContentURL != "" {
		site = "site " + sess.SiteContentURL
	}
	fmt.Fprintf(outw, "Signed in to %s as user %s.\n", site, sess.UserID)
	fmt.Fprintf(outw, "  %-16s %s\n  %-16s %q\n  %-16s %s\n  %-16s %s (send as %s; --print-token prints it)\n",
		"site id", sess.SiteID, "site contentUrl", sess.SiteContentURL, "user id", sess.UserID, "token", sess.Token, auth.AuthHeader)
	if err := signer.SignOut(ctx, auth.SignoutURL(url), sess); err != nil {
		errorLines(errw, fs.Name(), err)
		return exitFailed
	}
	fmt.Fprintln(outw, "Signed out again.")
	return exitOK
}

// proxiedClient is an HTTP client that picks its proxy as colrun run does
// (runner.ProxyFromEnv, Newman's rules) from the variables getenv gives:
// http.DefaultClient would read the process's own by Go's rules.
func proxiedClient(getenv func(string) string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	pick := proxyFromEnv(getenv)
	tr.Proxy = func(r *http.Request) (*url.URL, error) { return pick(r.URL) }
	return &http.Client{Transport: tr}
}
