package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/colrun/colrun/auth"
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/report"
	"github.com/colrun/colrun/runner/variables"
)

// runFlags holds `colrun run`'s flags; names follow Newman's so that a
// Newman command line works with "newman" replaced by "colrun".
type runFlags struct {
	environment, globals, data string
	iterations                 int
	folders                    []string
	envVars, globalVars        []string
	exportEnvironment          string
	exportGlobals              string
	exportCollection           string
	reporters                  []string
	jsonExport, junitExport    string
	cliNoSummary               bool
	cliNoFailures              bool
	cliNoAssertions            bool
	cliNoConsole               bool
	cliNoBanner                bool
	cliNoSuccessAssertions     bool
	cliShowTimestamps          bool
	silentReporters            map[string]*bool
	commonExport               bool
	verbose, silent            bool
	color                      string
	disableUnicode             bool
	suppressExitCode           bool
	bail                       bailFlag
	ignoreRedirects            bool
	insecure                   bool
	delayRequest               msDuration
	timeout                    msDuration
	timeoutRequest             msDuration
	timeoutScript              msDuration
	workingDir                 string
	sslClientCert              string
	sslClientKey               string
	sslExtraCACerts            string
	maxKeptBody                int64
	seed                       string
	mock                       bool
	noScripts                  bool
	parallel                   int
	tableauAuth                string
	tableauFormat              string
	secretFiles                secretFileFlag
	tableauNames               auth.VariableNames
	newman                     newmanFlags
}

func (f *runFlags) register(fs *pflag.FlagSet) {
	fs.StringVarP(&f.environment, "environment", "e", "", "Postman environment file")
	fs.StringVarP(&f.globals, "globals", "g", "", "Postman globals file")
	fs.StringVarP(&f.data, "iteration-data", "d", "", "iteration data file (CSV with a header row, or a JSON array of objects)")
	fs.IntVarP(&f.iterations, "iteration-count", "n", 0, "number of iterations (default: one per data row, or 1)")
	fs.StringArrayVar(&f.folders, "folder", nil, "run only this folder or request, by name or id (repeatable)")
	fs.StringArrayVar(&f.envVars, "env-var", nil, "set an environment variable, key=value (repeatable; overrides the file)")
	fs.StringArrayVar(&f.globalVars, "global-var", nil, "set a global variable, key=value (repeatable; overrides the file)")
	fs.StringVar(&f.exportEnvironment, "export-environment", "", "write the final environment to this file")
	fs.StringVar(&f.exportGlobals, "export-globals", "", "write the final globals to this file")
	fs.StringVar(&f.exportCollection, "export-collection", "", "write the collection, with its final collection variables, to this file")
	fs.StringSliceVarP(&f.reporters, "reporters", "r", []string{"cli"}, "reporters to use, comma-separated: "+strings.Join(report.Names(), ", "))
	fs.StringVar(&f.jsonExport, "reporter-json-export", "", "path of the JSON report (default newman/newman-run-report-<time>-0.json, as Newman)")
	fs.StringVar(&f.junitExport, "reporter-junit-export", "", "path of the JUnit report (default newman/newman-run-report-<time>-0.xml, as Newman)")
	fs.BoolVar(&f.cliNoSummary, "reporter-cli-no-summary", false, "cli: leave out the summary table")
	fs.BoolVar(&f.cliNoFailures, "reporter-cli-no-failures", false, "cli: leave out the failure list")
	fs.BoolVar(&f.cliNoAssertions, "reporter-cli-no-assertions", false, "cli: leave out assertion lines")
	fs.BoolVar(&f.cliNoConsole, "reporter-cli-no-console", false, "cli: leave out console output of scripts")
	fs.BoolVar(&f.cliNoBanner, "reporter-cli-no-banner", false, "cli: leave out the banner")
	fs.BoolVar(&f.cliNoSuccessAssertions, "reporter-cli-no-success-assertions", false, "cli: leave out passed and skipped assertion lines")
	fs.BoolVar(&f.cliShowTimestamps, "reporter-cli-show-timestamps", false, "cli: show the local time on request, assertion and console lines")
	f.silentReporters = map[string]*bool{}
	for _, name := range []string{"cli", "progress", "emojitrain"} {
		f.silentReporters[name] = fs.Bool("reporter-"+name+"-silent", false, name+": print nothing (the other reporters still run)")
	}
	registerCommonReporterOptions(fs)
	fs.BoolVar(&f.verbose, "verbose", false, "show each request's headers, body and timings, and unresolved variables")
	fs.BoolVar(&f.silent, "silent", false, "print nothing to the terminal (reports are still written)")
	fs.StringVar(&f.color, "color", "auto", "colored output: auto, on or off")
	fs.BoolVar(&f.disableUnicode, "disable-unicode", false, "use plain ASCII symbols")
	fs.BoolVarP(&f.suppressExitCode, "suppress-exit-code", "x", false, "exit 0 even when something failed")
	fs.Var(&f.bail, "bail", "stop the run at the first failed assertion, script or request; with the modifier folder (Newman's), at the first script or request error only")
	fs.Lookup("bail").NoOptDefVal = "true"
	fs.BoolVar(&f.ignoreRedirects, "ignore-redirects", false, "do not follow 3xx redirects")
	fs.BoolVarP(&f.insecure, "insecure", "k", false, "do not verify TLS certificates")
	fs.Var(&f.delayRequest, "delay-request", "wait between requests (milliseconds, or a duration like 2s)")
	fs.Var(&f.timeout, "timeout", "time limit for the whole run (milliseconds or a duration)")
	fs.Var(&f.timeoutRequest, "timeout-request", "time limit for each request (milliseconds or a duration)")
	fs.Var(&f.timeoutScript, "timeout-script", "time limit for each script (milliseconds or a duration)")
	fs.StringVar(&f.workingDir, "working-dir", "", "directory that file paths in request bodies are relative to")
	fs.StringVar(&f.sslClientCert, "ssl-client-cert", "", "TLS client certificate (PEM)")
	fs.StringVar(&f.sslClientKey, "ssl-client-key", "", "TLS client certificate's private key (PEM)")
	fs.StringVar(&f.sslExtraCACerts, "ssl-extra-ca-certs", "", "extra trusted CA certificates (PEM)")
	fs.Int64Var(&f.maxKeptBody, "max-kept-body", runner.DefaultMaxKeptBody, "bytes of each response body kept in reports (scripts always see all of it)")
	fs.StringVar(&f.seed, "seed", "", "seed for dynamic variables such as {{$randomInt}}, to repeat a run's values")
	fs.BoolVar(&f.mock, "mock", false, "run against colrun's built-in mock Tableau server (sets protocol, server, api-version, baseUrl and the demo credentials' variables)")
	fs.BoolVar(&f.noScripts, "no-scripts", false, "skip pre-request and test scripts")
	fs.IntVar(&f.parallel, "parallel", 1, "run iterations on this many workers, each with its own cookies and script runtime")
	fs.StringVar(&f.tableauAuth, "tableau-auth", "", "sign in to Tableau: password, pat or jwt (credentials from TABLEAU_* variables; see colrun tableau --help)")
	fs.StringVar(&f.tableauFormat, "tableau-format", "xml", "sign-in body and response format: xml or json")
	f.secretFiles = secretFileFlag{}
	fs.Var(f.secretFiles, "secret-file", "read a TABLEAU_* secret from a file, NAME=path (repeatable)")
	fs.StringVar(&f.tableauNames.Token, "tableau-token-variable", auth.DefaultVariableNames.Token, "variable that receives the session token")
	fs.StringVar(&f.tableauNames.SiteID, "tableau-site-variable", auth.DefaultVariableNames.SiteID, "variable that receives the site id")
	fs.StringVar(&f.tableauNames.UserID, "tableau-user-variable", auth.DefaultVariableNames.UserID, "variable that receives the user id")
	addRefusedSecretFlags(fs)
	f.newman.register(fs)
}

// msDuration reads Newman's millisecond integers, or Go durations ("2s").
type msDuration struct{ d time.Duration }

func (m *msDuration) String() string {
	if m.d == 0 {
		return "0"
	}
	return m.d.String()
}

func (m *msDuration) Set(s string) error {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n < 0 {
			return errors.New("must not be negative")
		}
		if limit := math.MaxInt64 / int64(time.Millisecond); n > limit {
			// Past this the nanoseconds wrap around: 9223372036854776 ms
			// became 192µs, and the run timed out at once.
			return fmt.Errorf("%d milliseconds is too long (at most %d, 292 years)", n, limit)
		}
		m.d = time.Duration(n) * time.Millisecond
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return fmt.Errorf("want milliseconds (500) or a duration (1.5s), got %q", s)
	}
	m.d = d
	return nil
}

func (m *msDuration) Type() string { return "ms" }

const runUsage = `Usage: colrun run <collection> [flags]

Runs a Postman collection (v2.0 or v2.1; v1 is converted, as Newman does)
and reports like Newman. Flags may come before or after the collection path.
Exit codes: 0 all passed, 1 an assertion, script or request failed, 2 bad
flags or input files, 3 colrun itself could not go on, 130 or 143 stopped by
SIGINT or SIGTERM.
As in Newman, a reporter option also takes a common form without the
reporter's name, for every reporter that has it: --reporter-silent,
--reporter-no-summary, --reporter-export <path>, ...
Read from the environment as Newman reads them: HTTP_PROXY, HTTPS_PROXY,
NO_PROXY, NODE_TLS_REJECT_UNAUTHORIZED=0 (as -k), NODE_EXTRA_CA_CERTS,
POSTMAN_API_KEY; and TABLEAU_* for --tableau-auth (see colrun tableau --help).

Flags:
`

func runCommand(ctx context.Context, args []string, sio stdio) int {
	fs := pflag.NewFlagSet("colrun run", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	var f runFlags
	f.register(fs)
	help := fs.BoolP("help", "h", false, "show this help")
	args = splitReporterOptions(args)
	if err := singleDashLong(fs, args); err != nil {
		fmt.Fprintf(sio.err, "colrun run: %v (see \"colrun run --help\")\n", err)
		return exitUsage
	}
	if err := fs.Parse(normalizeOptionalValues(args)); err != nil {
		fmt.Fprintf(sio.err, "colrun run: %s (see \"colrun run --help\")\n", flagError(fs, err))
		return exitUsage
	}
	if err := f.applyCommonReporterOptions(fs); err != nil {
		fmt.Fprintf(sio.err, "colrun run: %v (see \"colrun run --help\")\n", err)
		return exitUsage
	}
	if *help {
		fmt.Fprint(sio.out, runUsage)
		fs.SetOutput(sio.out)
		fs.PrintDefaults()
		return exitOK
	}
	if fs.Changed("iteration-count") && f.iterations == 0 {
		// 0 is the flag's "not given"; said outright, it is an error,
		// as in Newman.
		fmt.Fprintf(sio.err, "colrun run: -n/--iteration-count must be at least 1, got 0\n")
		return exitUsage
	}
	if err := checkRefusedSecretFlags(fs); err != nil {
		fmt.Fprintf(sio.err, "colrun run: %v\n", err)
		return exitUsage
	}
	if err := checkSigninFlagsNeedAuth(fs, f.tableauAuth); err != nil {
		fmt.Fprintf(sio.err, "colrun run: %v\n", err)
		return exitUsage
	}
	f.reporters = dropMissingReporters(f.reporters, sio.err)
	if msg := report.DominantConflict(f.reporters); msg != "" {
		fmt.Fprintf(sio.err, "colrun: warning: %s\n", msg)
	}
	if len(f.folders) == 1 && f.folders[0] == "" {
		// --folder "$FOLDER" with the variable unset: Newman runs the
		// whole collection (with another --folder beside it, it refuses).
		fmt.Fprintln(sio.err, `colrun: warning: --folder "" names nothing, so the whole collection runs, as in Newman`)
		f.folders = nil
	}
	if fs.NArg() == 1 && fs.Arg(0) == "" {
		fmt.Fprintln(sio.err, "colrun run: the collection path is empty (an unset shell variable?)")
		return exitUsage
	}
	if fs.NArg() != 1 {
		if fs.NArg() == 0 {
			fmt.Fprintf(sio.err, "colrun run: missing the collection file%s (usage: colrun run <collection> [flags])\n", collectionTakenByFlag(fs))
		} else {
			fmt.Fprintf(sio.err, "colrun run: expected one collection file, got %d: %s%s\n", fs.NArg(), shownArgs(fs.Args()), reportersApart(fs, f.reporters))
		}
		return exitUsage
	}
	return executeRun(ctx, fs.Arg(0), &f, sio)
}

// shownArgs lists arguments as the user typed them, an empty one (an
// unset shell variable after a flag that takes no value, as in
// --bail "$MODE") as "", where it vanished from the list.
func shownArgs(args []string) string {
	shown := make([]string, len(args))
	for i, a := range args {
		shown[i] = a
		if a == "" {
			shown[i] = `""`
		}
	}
	return strings.Join(shown, " ")
}

// collectionTakenByFlag explains a missing collection that a flag took as
// its value ("--color c.json", "-r json --reporter-json-export c.json"),
// where the bare "missing the collection file" sends the user looking for
// a collection they can see on the command line. It returns "" when no
// flag's value is a collection file.
func collectionTakenByFlag(fs *pflag.FlagSet) string {
	var hint string
	fs.Visit(func(fl *pflag.Flag) {
		values := []string{fl.Value.String()}
		if sv, ok := fl.Value.(pflag.SliceValue); ok {
			values = sv.GetSlice()
		}
		for _, v := range values {
			if hint == "" && looksLikeCollection(v) {
				hint = fmt.Sprintf("; --%s took %s as its value", fl.Name, v)
			}
		}
	})
	return hint
}

// looksLikeCollection reports whether path names a file that reads like a
// Postman collection (v2's info and item, or v1's requests) in its first
// 64 kB; it only words a hint, so a guess is enough.
func looksLikeCollection(path string) bool {
	// Stat first: opening a named pipe would wait for a writer.
	if st, err := os.Stat(path); err != nil || !st.Mode().IsRegular() {
		return false
	}
	fh, err := os.Open(path)
	if err != nil {
		return false
	}
	defer fh.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	return bytes.Contains(head, []byte(`"item"`)) && bytes.Contains(head, []byte(`"info"`)) ||
		bytes.Contains(head, []byte(`"requests"`)) && bytes.Contains(head, []byte(`"order"`))
}

// reportersApart explains extra arguments that are reporter names, as
// "-r cli json" leaves them: Newman runs the cli reporter alone and never
// mentions json, so the user would not know the comma was missing.
func reportersApart(fs *pflag.FlagSet, reporters []string) string {
	if !fs.Changed("reporters") {
		return ""
	}
	var apart []string
	for _, a := range fs.Args() {
		if knownReporter(a) {
			apart = append(apart, a)
		}
	}
	if len(apart) == 0 {
		return ""
	}
	return fmt.Sprintf("; reporters are separated by commas: -r %s", strings.Join(append(slices.Clone(reporters), apart...), ","))
}

// checkSigninFlagsNeedAuth refuses the sign-in flags given without
// --tableau-auth. colrun then does not sign in, so they would change
// nothing: a run given --tableau-format json sent the collection's XML
// sign-in without a word, and the user went looking in the wrong place.
func checkSigninFlagsNeedAuth(fs *pflag.FlagSet, method string) error {
	if method != "" {
		return nil
	}
	for _, name := range []string{"tableau-format", "secret-file", "tableau-token-variable", "tableau-site-variable", "tableau-user-variable"} {
		if fs.Changed(name) {
			return fmt.Errorf("--%s works only with --tableau-auth password, pat or jwt: without it colrun does not sign in, and the collection's own sign-in requests go as written", name)
		}
	}
	return nil
}

// executeRun loads the inputs, runs the collection, writes the exports and
// maps the outcome to an exit code. Everything it prints or writes goes
// through the run's redactor, which knows every Tableau secret.
func executeRun(ctx context.Context, path string, f *runFlags, sio stdio) int {
	tuned, untune := tuneRuntime(sio, f.workers(), []string{path, f.environment, f.globals, f.data})
	defer untune()
	red := auth.NewRedactor()
	red.Add(f.newman.apiKey(sio.getenv))
	for _, in := range []string{path, f.environment, f.globals, f.data} {
		for _, key := range urlAPIKeys(in) {
			red.Add(key)
		}
	}
	// net/http logs bytes a server sends on an idle connection, which may
	// echo a request's X-Tableau-Auth or the mock's demo JWT.
	maskStdLog(red)
	fail := func(code int, err error) int {
		fmt.Fprintf(sio.err, "colrun: %s\n", red.String(err.Error()))
		return code
	}
	warn := func(msg string) { fmt.Fprintf(sio.err, "colrun: warning: %s\n", msg) }
	in, err := loadRunInputs(ctx, path, f, sio.getenv, readNodeTLS(sio.getenv, sio.err), warn)
	if err != nil {
		if code, ok := interruptedCode(ctx); ok {
			return fail(code, err)
		}
		return fail(exitUsage, err)
	}
	defer in.remote.removeDownloads()
	if in.coll.ConvertedFromV1 {
		// Newman warns too: Postman has exported v2.1 for years, and a
		// user should know the file was converted before it ran.
		fmt.Fprintf(sio.err, "colrun: warning: %s is a Postman Collection v1 file; it was converted to v2.1 to run (export it again as v2.1 from Postman to skip this)\n", path)
	}
	for _, msg := range in.coll.Warnings {
		warn(msg)
	}
	if n := in.coll.MoreWarnings; n > 0 {
		warn(fmt.Sprintf("%s: %d more places like these", path, n))
	}
	var exportErrs []error
	if err := f.checkDistinctOutputs(path); err != nil {
		exportErrs = append(exportErrs, err)
	}
	// The directories made for the outputs are taken away again if the
	// command is refused before the run starts.
	var createdDirs []string
	started := false
	defer func() {
		if !started {
			removeCreatedDirs(createdDirs)
		}
	}()
	for _, t := range f.outputTargets() {
		created, err := t.checkWritable()
		createdDirs = append(created, createdDirs...)
		if err != nil {
			exportErrs = append(exportErrs, err)
		}
	}
	if len(exportErrs) > 0 {
		if in.opts.Data != nil {
			in.opts.Data.Close()
		}
		printErrors(sio.err, errors.Join(exportErrs...), red.String)
		return exitUsage
	}
	closeData := func() {
		if in.opts.Data != nil {
			in.opts.Data.Close()
		}
	}
	var mockURL string
	if f.mock {
		url, stop, err := startMock(in, red)
		if err != nil {
			closeData()
			return fail(exitRuntime, err)
		}
		defer stop()
		mockURL = url
		in.opts.Proxy = bypassProxyFor(mockURL, in.opts.Proxy)
	}
	if f.tableauAuth != "" {
		if in.opts.Tableau, err = tableauOptions(f, sio, red, mockURL); err != nil {
			closeData()
			return fail(exitUsage, err)
		}
	}
	_, in.opts.ConsoleWidth = outputTerminal(sio)
	r, err := runner.New(in.coll, in.opts)
	if err != nil {
		closeData()
		var ue *runner.UsageError
		if errors.As(err, &ue) {
			return fail(exitUsage, err)
		}
		return fail(exitRuntime, err)
	}

	stdout := red.Writer(sio.out)
	reporters, err := openReporters(f, sio, stdout)
	if err != nil {
		closeData()
		return fail(exitUsage, err)
	}
	started = true
	res, runErr := r.Run(ctx, tuned(event.Redacting(reporters, red.String, red.Empty)))
	failed := false
	if err := reporters.Close(); err != nil {
		printErrors(sio.err, err, red.String)
		failed = true
	}
	stdout.Close()
	if err := writeExports(f, in, res, red); err != nil {
		printErrors(sio.err, err, red.String)
		failed = true
	}
	if runErr != nil {
		var ie *collections.InputError
		if errors.As(runErr, &ie) {
			return fail(exitUsage, runErr)
		}
		return fail(exitFailed, runErr)
	}
	if res != nil && res.Stopped != nil {
		// The reason is in the report too; say it once more on stderr so
		// that CI logs show why the run stopped.
		fmt.Fprintf(sio.err, "colrun: run stopped: %s\n", red.String(firstLine(res.Stopped.Error())))
		if code, ok := interruptedCode(ctx); ok {
			// Not a test failure, and -x does not hide it: the run did
			// not finish.
			return code
		}
	}
	if reporters.Summary().Failed() || failed || (res != nil && res.Stopped != nil) {
		if f.suppressExitCode {
			return exitOK
		}
		return exitFailed
	}
	return exitOK
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// runInputs is everything loaded from disk before the run starts.
type runInputs struct {
	coll *collections.Collection
	opts runner.Options
	// remote holds the inputs downloaded from URLs.
	remote *remoteInputs
	// collDoc is the collection document as loaded, kept for
	// --export-collection only.
	collDoc *collectionDoc
}

// warn hears what the inputs hold that Newman runs but that is likely a
// mistake (a ragged CSV row).
func loadRunInputs(ctx context.Context, path string, f *runFlags, getenv func(string) string, node nodeTLS, warn func(string)) (*runInputs, error) {
	in := &runInputs{remote: newRemoteInputs(getenv)}
	node.apply(in.remote.client.Transport.(*http.Transport))
	in.remote.ctx = ctx
	in.remote.apiKey = f.newman.apiKey(getenv)
	data, err := in.remote.readCollection(path)
	if err != nil {
		return nil, err
	}
	coll, err := collections.ParseCollection(path, data)
	if err != nil {
		return nil, remoteNamed("collection", path, err)
	}
	if !f.noScripts && (bytes.Contains(data, []byte(`xec"`)) || bytes.Contains(data, []byte(`tests"`))) {
		// Most likely a collection with scripts ("exec", or "tests" in v1
		// files): compile the sandbox while the other inputs load (they
		// may be downloads). Not before parsing, although that overlapped
		// more (a 2 MB collection takes ~10 ms to parse): the sandbox's
		// heap and the file's text and parse tree were then live at once,
		// and the collector's goal doubled that peak for the rest of the
		// run (about 1.5 MB more resident memory on 2,000 scripted requests). The
		// needles do not start with '"', which JSON is full of: a file
		// without scripts is scanned in a sixth of the time.
		runner.PrepareScripts()
	}
	in.coll = coll
	if f.exportCollection != "" {
		if in.collDoc, err = parseCollectionDoc(path, data, coll.ConvertedFromV1); err != nil {
			return nil, err
		}
	}
	o := &in.opts
	if f.environment != "" {
		if o.Environment, err = in.remote.loadVariables("-e/--environment", "environment", f.environment); err != nil {
			return nil, err
		}
	}
	if f.globals != "" {
		if o.Globals, err = in.remote.loadVariables("-g/--globals", "globals", f.globals); err != nil {
			return nil, err
		}
	}
	o.EnvVars, o.GlobalVars = keyValues(f.envVars), keyValues(f.globalVars)
	if f.iterations < 0 {
		return nil, fmt.Errorf("-n/--iteration-count must be at least 1, got %d", f.iterations)
	}
	if f.color != "auto" && f.color != "on" && f.color != "off" {
		return nil, fmt.Errorf("--color must be auto, on or off, got %q", f.color)
	}
	for _, name := range f.reporters {
		if !knownReporter(name) {
			return nil, fmt.Errorf("unknown reporter %q; available: %s", name, strings.Join(report.Names(), ", "))
		}
	}
	if f.maxKeptBody < 0 {
		return nil, fmt.Errorf("--max-kept-body must be 0 or more bytes, got %d", f.maxKeptBody)
	}
	if f.parallel < 1 {
		return nil, fmt.Errorf("--parallel must be at least 1, got %d", f.parallel)
	}
	o.Parallel = f.parallel
	o.Iterations = f.iterations
	o.Folders = f.folders
	o.Timeout, o.RequestTimeout, o.ScriptTimeout, o.DelayRequest = f.timeout.d, f.timeoutRequest.d, f.timeoutScript.d, f.delayRequest.d
	o.Bail, o.BailOnError, o.IgnoreRedirects, o.Insecure, o.Verbose = f.bail.stop, f.bail.onError, f.ignoreRedirects, f.insecure, f.verbose
	o.WorkingDir, o.MaxKeptBody, o.NoScripts = f.workingDir, f.maxKeptBody, f.noScripts
	o.UserAgent = "colrun/" + currentVersion()
	if f.seed != "" {
		n, err := strconv.ParseUint(f.seed, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("--seed must be a whole number, got %q", f.seed)
		}
		o.Seed, o.Seeded = n, true
	}
	o.Proxy = proxyFromEnv(getenv)
	if err := loadTLS(f, node, o); err != nil {
		return nil, err
	}
	if err := f.newman.apply(o); err != nil {
		return nil, err
	}
	if f.workingDir != "" {
		// Newman runs on and every file read fails; a mistyped path is
		// better caught here, with what is wrong with it.
		st, err := os.Stat(f.workingDir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("--working-dir %s: no such directory", f.workingDir)
		case err != nil:
			return nil, fmt.Errorf("--working-dir %s: %v", f.workingDir, errors.Unwrap(err))
		case !st.IsDir():
			return nil, fmt.Errorf("--working-dir %s: not a directory", f.workingDir)
		}
	}
	if f.data != "" {
		if o.Data, err = in.remote.openData(f.data, warn); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// proxyFromEnv reads the proxy variables (upper or lower case) from the
// command's environment, as curl and Newman do.
func proxyFromEnv(getenv func(string) string) func(*url.URL) (*url.URL, error) {
	return runner.ProxyFromEnv(getenv)
}

// bypassProxyFor sends requests to the --mock server colrun started
// itself straight to it: postman-request's rules (runner.ProxyFromEnv)
// proxy loopback addresses too, and a proxy set for the CI job would not
// reach a server on colrun's own loopback port.
func bypassProxyFor(mockURL string, pick func(*url.URL) (*url.URL, error)) func(*url.URL) (*url.URL, error) {
	m, err := url.Parse(mockURL)
	if err != nil || pick == nil {
		return pick
	}
	return func(u *url.URL) (*url.URL, error) {
		if strings.EqualFold(u.Host, m.Host) {
			return nil, nil
		}
		return pick(u)
	}
}

func knownReporter(name string) bool {
	for _, n := range report.Names() {
		if n == name {
			return true
		}
	}
	return false
}

func loadTLS(f *runFlags, node nodeTLS, o *runner.Options) error {
	o.Insecure = o.Insecure || node.insecure
	o.ExtraCAs = node.roots
	if (f.sslClientCert == "") != (f.sslClientKey == "") {
		return errors.New("--ssl-client-cert and --ssl-client-key go together")
	}
	if f.sslClientCert != "" {
		cert, err := loadClientKeyPair(f.sslClientCert, f.sslClientKey, f.newman.sslClientPassphrase)
		if err != nil {
			return fmt.Errorf("--ssl-client-cert %s / --ssl-client-key %s: %v", f.sslClientCert, f.sslClientKey, err)
		}
		o.ClientCert = &cert
	}
	if f.sslExtraCACerts != "" {
		pem, err := os.ReadFile(f.sslExtraCACerts)
		if err != nil {
			return fmt.Errorf("--ssl-extra-ca-certs: %v", err)
		}
		pool := systemRoots()
		if node.roots != nil {
			// A copy: the downloads share node.roots, and Newman's do not
			// take --ssl-extra-ca-certs.
			pool = node.roots.Clone()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return fmt.Errorf("--ssl-extra-ca-certs %s: no PEM certificate found", f.sslExtraCACerts)
		}
		o.ExtraCAs = pool
	}
	return nil
}

// exportTargets are --export-environment, --export-globals and
// --export-collection, in that order.
// workers is how many workers the run will use, as far as the flags
// tell: --parallel, but no more than the iterations when -n gives them or
// there is no data file (one iteration), since the runner starts no more
// workers than iterations. --tableau-auth pat and the runtime tuning
// need it before the data file is read.
func (f *runFlags) workers() int {
	switch {
	case f.iterations > 0:
		return max(1, min(f.parallel, f.iterations))
	case f.data == "":
		return 1
	}
	return f.parallel
}

func (f *runFlags) exportTargets() [3]exportTarget {
	return [3]exportTarget{
		{flag: "export-environment", path: f.exportEnvironment, item: "environment"},
		{flag: "export-globals", path: f.exportGlobals, item: "globals"},
		{flag: "export-collection", path: f.exportCollection, item: "collection"},
	}
}

// writeExports writes --export-environment, --export-globals and
// --export-collection from the final scopes, even when the run stopped
// early.
func writeExports(f *runFlags, in *runInputs, res *runner.Result, red *auth.Redactor) error {
	if res == nil {
		return nil
	}
	// The captured session token may stay (the user asked for the state;
	// it is marked "secret"), every other secret is masked.
	keep := red
	if in.opts.Tableau != nil {
		if v, ok := res.Environment.Get(in.opts.Tableau.Names.Token); ok {
			if tok, ok := v.(string); ok && tok != "" {
				keep = red.Except(tok)
			}
		}
	}
	var errs []error
	if f.exportEnvironment != "" {
		id, name := "", "environment"
		if e := in.opts.Environment; e != nil {
			id, name = e.ID, orDefault(e.Name, name)
		}
		if err := collections.WriteVariableFile(f.exportTargets()[0].resolve(time.Now()), id, name, "environment", "colrun/"+currentVersion(), exported(res.Environment, keep)); err != nil {
			errs = append(errs, fmt.Errorf("--export-environment: %w", err))
		}
	}
	if f.exportGlobals != "" {
		id, name := "", "globals"
		if g := in.opts.Globals; g != nil {
			id, name = g.ID, orDefault(g.Name, name)
		}
		if err := collections.WriteVariableFile(f.exportTargets()[1].resolve(time.Now()), id, name, "globals", "colrun/"+currentVersion(), exported(res.Globals, keep)); err != nil {
			errs = append(errs, fmt.Errorf("--export-globals: %w", err))
		}
	}
	if f.exportCollection != "" && in.collDoc != nil {
		data, err := in.collDoc.exportJSON(res.Collection.Entries(), time.Now(), "colrun/"+currentVersion(), keep.String)
		if err == nil {
			// The document's other members may hold a secret too (a
			// password typed into the collection's auth).
			data = keep.Bytes(data)
			if !json.Valid(data) {
				// A mask that fell inside a number or across a string's
				// end; never leave a file no one can read back.
				err = errors.New("masking a secret in the collection would break its JSON; not written")
			} else {
				err = collections.WriteFileAtomic(f.exportTargets()[2].resolve(time.Now()), data)
			}
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("--export-collection: %w", err))
		}
	}
	if err := f.newman.writeCookieJar(res, keep.String); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func exported(s *variables.Scope, red *auth.Redactor) []collections.ExportedVariable {
	var out []collections.ExportedVariable
	for _, e := range s.Entries() {
		typ := e.Type
		if typ == "" {
			typ = "any"
		}
		v := e.Value
		if str, ok := v.(string); ok {
			v = red.String(str)
		}
		out = append(out, collections.ExportedVariable{Key: e.Key, Value: v, Type: typ, Enabled: !e.Disabled, DisabledAs: e.DisabledAs,
			Unnamed: e.Unnamed, ID: e.ID, Name: e.Name})
	}
	return out
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// printErrors writes err to w as one "colrun: ..." line per error, so that
// several failed reports or exports (joined errors) each get a line of
// their own, masked by redact.
func printErrors(w io.Writer, err error, redact func(string) string) {
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			printErrors(w, e, redact)
		}
		return
	}
	fmt.Fprintf(w, "colrun: %s\n", redact(err.Error()))
}
