package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"github.com/colrun/colrun/mockserver"
)

const mockUsage = `Usage: colrun mock [flags]

Serve a mock Tableau REST API until Ctrl-C. The first line printed is
"colrun mock: listening on <URL>"; the demo credentials follow.

Flags:
`

// mockCommand runs the mock Tableau server in the foreground.
func mockCommand(ctx context.Context, args []string, sio stdio) int {
	fs := pflag.NewFlagSet("colrun mock", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	addr := fs.String("addr", "127.0.0.1:8080", "address (`host:port`) to listen on; port 0 picks a free one")
	dataPath := fs.String("data", "", "JSON `file` with the sites, users, credentials and content to serve instead of the demo data")
	apiVersion := fs.String("api-version", mockserver.DefaultAPIVersion, "REST API `version` reported by serverinfo, and the newest a request's URL may name")
	ttl := fs.Duration("session-ttl", mockserver.DefaultSessionTTL, "idle `time` after which a session token stops working")
	latency := fs.Duration("latency", 0, "`delay` added to every response")
	echo := fs.Bool("echo", false, "also serve a postman-echo clone at the root (/get, /post, /status/{code}, ...)")
	maxBody := fs.Int64("max-body", mockserver.DefaultMaxBodyBytes, "largest request body in `bytes`; larger ones get 413")
	quiet := fs.BoolP("quiet", "q", false, "do not log requests to stderr")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(sio.out, mockUsage+fs.FlagUsages())
			return exitOK
		}
		fmt.Fprintf(sio.err, "colrun mock: %s (see colrun mock --help)\n", flagError(fs, err))
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(sio.err, "colrun mock: unexpected argument %q (see colrun mock --help)\n", fs.Arg(0))
		return exitUsage
	}
	if err := checkListenAddr(*addr); err != nil {
		fmt.Fprintf(sio.err, "colrun mock: --addr %q: %v (see colrun mock --help)\n", *addr, err)
		return exitUsage
	}
	if err := checkMockSettings(*apiVersion, *ttl, *latency, *maxBody); err != nil {
		fmt.Fprintf(sio.err, "colrun mock: %v (see colrun mock --help)\n", err)
		return exitUsage
	}
	cfg := mockserver.Config{
		APIVersion:   *apiVersion,
		SessionTTL:   *ttl,
		Latency:      *latency,
		Echo:         *echo,
		MaxBodyBytes: *maxBody,
	}
	if *dataPath != "" {
		d, err := mockserver.LoadData(*dataPath)
		if err != nil {
			fmt.Fprintf(sio.err, "colrun mock: %v\n", err)
			return exitUsage
		}
		cfg.Data = d
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintf(sio.err, "colrun mock: %v\n", err)
		return exitUsage
	}
	if !*quiet {
		cfg.Logger = slog.New(slog.NewTextHandler(sio.err, nil))
	}
	srv, err := mockserver.Start(cfg, *addr)
	if err != nil {
		fmt.Fprintf(sio.err, "colrun mock: %v\n", err)
		return exitRuntime
	}
	data := cfg.Data
	if data == nil {
		data = mockserver.DefaultData()
	}
	printMockBanner(sio.out, srv, cfg, data)
	<-ctx.Done()
	if err := srv.Close(); err != nil {
		fmt.Fprintf(sio.err, "colrun mock: stopping: %v\n", err)
		return exitRuntime
	}
	fmt.Fprintln(sio.err, "colrun mock: stopped")
	return exitOK
}

// printMockBanner tells a user everything needed to point a client at the
// mock: the URLs, the Postman variables and the credentials to sign in
// with, which are demo values unless --data supplied others.
func printMockBanner(w io.Writer, srv *mockserver.Server, cfg mockserver.Config, d *mockserver.Data) {
	version := cfg.APIVersion
	base := srv.URL() + "/api/" + version
	fmt.Fprintf(w, "colrun mock: listening on %s\n", srv.URL())
	fmt.Fprintf(w, "REST API:  %s (serverinfo: %s/serverinfo)\n", base, base)
	if cfg.Echo {
		fmt.Fprintf(w, "Echo:      %s/get, /post, /status/{code}, ... (postman-echo clone)\n", srv.URL())
	}
	fmt.Fprintf(w, "Postman variables: protocol=http server=%s api-version=%s baseUrl=%s\n\n", srv.Addr(), version, base)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Sites\tname\tcontentUrl\tid")
	for _, s := range d.Sites {
		fmt.Fprintf(tw, "\t%s\t%q\t%s\n", s.Name, s.ContentURL, s.ID)
	}
	fmt.Fprintln(tw, "Users\tname\tpassword\tsite role / id")
	for _, u := range d.Users {
		pw := u.Password
		if pw == "" {
			pw = "(none)"
		}
		fmt.Fprintf(tw, "\t%s\t%s\t%s %s\n", u.Name, pw, u.SiteRole, u.ID)
	}
	if len(d.PATs) > 0 {
		fmt.Fprintln(tw, "PATs\tname\tsecret\towner id")
		for _, p := range d.PATs {
			fmt.Fprintf(tw, "\t%s\t%s\t%s\n", p.Name, p.Secret, p.UserID)
		}
	}
	if len(d.ConnectedApps) > 0 {
		fmt.Fprintln(tw, "Connected apps\tclient id (iss)\tsecret id (kid)\tsecret value (HS256 key)")
		for _, a := range d.ConnectedApps {
			for _, s := range a.Secrets {
				fmt.Fprintf(tw, "\t%s\t%s\t%s\n", a.ClientID, s.ID, s.Value)
			}
		}
	}
	_ = tw.Flush()
	fmt.Fprintln(w, "\nThese are mock credentials. Press Ctrl-C to stop.")
}

// checkListenAddr finds what is wrong with --addr itself, so that a typo
// is a usage error (exit 2) like any bad flag, not a failure to listen.
func checkListenAddr(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		var ae *net.AddrError
		if errors.As(err, &ae) {
			return fmt.Errorf("%s, want host:port such as 127.0.0.1:8080", ae.Err)
		}
		return err
	}
	if _, err := net.LookupPort("tcp", port); err != nil {
		return fmt.Errorf("port %q is neither a number from 0 to 65535 nor a service name", port)
	}
	return nil
}

// checkMockSettings refuses the values of colrun mock's flags that the
// mock server would otherwise replace by its defaults, naming the flag.
// A zero session TTL or body limit is not taken to mean "no limit": a
// session the mock never ends hides a client's missing renewal, and an
// unbounded body lets one request take the machine's memory, so a user
// who wants more gives a larger number.
func checkMockSettings(apiVersion string, ttl, latency time.Duration, maxBody int64) error {
	switch {
	case !mockserver.IsAPIVersion(apiVersion):
		return fmt.Errorf("--api-version %q: want a version N.N from 1.0 up, such as %s (the default)", apiVersion, mockserver.DefaultAPIVersion)
	case ttl <= 0:
		return fmt.Errorf("--session-ttl %v: want a time above 0, such as %v (the default) or 24h for sessions that last all day", ttl, durationFlag(mockserver.DefaultSessionTTL))
	case latency < 0:
		return fmt.Errorf("--latency %v: want 0 (no delay, the default) or more, such as 200ms", latency)
	case maxBody <= 0:
		return fmt.Errorf("--max-body %d: want a number of bytes above 0, such as %d (the default, 4 MiB)", maxBody, mockserver.DefaultMaxBodyBytes)
	}
	return nil
}

// durationFlag writes d as a user would type it (240m, not 4h0m0s).
func durationFlag(d time.Duration) string {
	if d%time.Minute == 0 {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}
