package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/colrun/colrun/collections"
)

// Limits on a collection, environment, globals or data file given as a URL.
// Newman waits for ever and takes any size; a CI job would rather fail
// with the URL named than hang until the job's own timeout.
const (
	remoteTimeout  = 60 * time.Second
	remoteMaxBytes = 256 << 20
)

// isRemote reports whether an input path is a URL to download: one that
// starts with http:// or https://, in any case (Newman reads "HTTP://..."
// as a file name, and finds no such file).
func isRemote(path string) bool {
	lower := strings.ToLower(path)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// remoteInputs downloads the inputs given as URLs, as Newman does (GET,
// redirects followed, 200 required), and remembers the data files it
// saved, for removal when the run ends.
type remoteInputs struct {
	client  *http.Client
	limit   int64
	tempDir string
	// ctx is the command's: a Ctrl-C during a download stops it at once
	// rather than after remoteTimeout. nil: never cancelled.
	ctx context.Context
	// apiKey is --postman-api-key (or POSTMAN_API_KEY): with it, a
	// collection or environment given by UID comes from the Postman API.
	apiKey string
}

func newRemoteInputs(getenv func(string) string) *remoteInputs {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	proxy := proxyFromEnv(getenv)
	tr.Proxy = func(r *http.Request) (*url.URL, error) { return proxy(r.URL) }
	return &remoteInputs{client: &http.Client{Transport: tr, Timeout: remoteTimeout}, limit: remoteMaxBytes}
}

// fetch returns the body of a 200 answer for rawURL, or a one-line error
// naming flag and the URL. A Postman API key, if any, goes in the
// X-Api-Key header, as Newman sends it.
func (ri *remoteInputs) fetch(flag, rawURL, apiKey string, w io.Writer) error {
	fail := func(format string, a ...any) error {
		return &collections.InputError{File: flag + " " + rawURL, Err: fmt.Errorf(format, a...)}
	}
	ctx := ri.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return fail("not a URL colrun can fetch: %v", unwrapURLError(err))
	}
	req.Header.Set("User-Agent", "colrun/"+currentVersion())
	if apiKey != "" {
		req.Header.Set("X-Api-Key", apiKey)
	}
	resp, err := ri.client.Do(req)
	if err != nil && ctx.Err() != nil {
		return fail("%v", context.Cause(ctx))
	}
	if err != nil {
		if isTimeout(err) {
			return fail("no answer within %v", ri.client.Timeout)
		}
		return fail("cannot fetch: %v", unwrapURLError(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK && apiKey != "" {
		// The Postman API says why (a wrong key, an unknown UID).
		if msg := postmanAPIError(resp.Body); msg != "" {
			return fail("the Postman API answered %s: %s", resp.Status, msg)
		}
		return fail("the Postman API answered %s, not 200 OK", resp.Status)
	}
	if resp.StatusCode != http.StatusOK {
		// Newman needs a 200 too (for the data file it takes any answer,
		// an error page included, and runs it as CSV).
		return fail("the server answered %s, not 200 OK", resp.Status)
	}
	n, err := io.Copy(w, io.LimitReader(resp.Body, ri.limit+1))
	switch {
	case err != nil && ctx.Err() != nil:
		return fail("%v", context.Cause(ctx))
	case err != nil && isTimeout(err):
		return fail("the download did not finish within %v", ri.client.Timeout)
	case err != nil:
		return fail("the download broke off: %v", unwrapURLError(err))
	case n > ri.limit:
		return fail("larger than %s, the most colrun downloads", sizeText(ri.limit))
	}
	return nil
}

func sizeText(n int64) string {
	switch {
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// unwrapURLError drops the "Get \"url\": " that *url.Error adds, since the
// message names the URL already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// readCollection reads the collection file, or downloads it (from the
// Postman API when given by UID).
func (ri *remoteInputs) readCollection(path string) ([]byte, error) {
	loc, key := ri.apiLocation("collection", path)
	if err := ri.missingUID("collection", path); err != nil {
		return nil, err
	}
	if !isRemote(loc) {
		return collections.ReadInput(path, "collection")
	}
	var b bytes.Buffer
	if err := ri.fetch("collection", loc, key, &b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// loadVariables reads an environment or globals file (kind), or
// downloads it (an environment from the Postman API when given by UID);
// flag names it in errors.
func (ri *remoteInputs) loadVariables(flag, kind, path string) (*collections.VariableFile, error) {
	loc, key := ri.apiLocation(kind, path)
	if err := ri.missingUID(kind, path); err != nil {
		return nil, err
	}
	if !isRemote(loc) {
		if kind == "globals" {
			return collections.LoadGlobals(path)
		}
		return collections.LoadEnvironment(path)
	}
	var b bytes.Buffer
	if err := ri.fetch(flag, loc, key, &b); err != nil {
		return nil, err
	}
	vf, err := collections.ParseVariableFile(path, kind, b.Bytes())
	return vf, remoteNamed(flag, path, err)
}

// remoteNamed puts the flag before the URL in an error about a downloaded
// input, so that the line says which input it is; other errors pass as
// they are.
func remoteNamed(flag, path string, err error) error {
	var ie *collections.InputError
	if isRemote(path) && errors.As(err, &ie) && ie.File == path {
		ie.File = flag + " " + path
	}
	return err
}

// openData opens the iteration data file, or downloads it to a temporary
// file that the run streams as it streams a local one. Its rows are
// checked here, so that an error names the URL, not the temporary file.
// warn hears of rows Newman runs but that are likely mistakes.
func (ri *remoteInputs) openData(path string, warn func(string)) (_ *collections.DataFile, err error) {
	const flag = "-d/--iteration-data"
	if !isRemote(path) {
		d, err := collections.OpenData(path)
		if err == nil {
			d.Warn = warn
		}
		return d, err
	}
	if ri.tempDir == "" {
		dir, err := os.MkdirTemp("", "colrun-data-*")
		if err != nil {
			return nil, fmt.Errorf("%s %s: cannot save the download: %v", flag, path, err)
		}
		ri.tempDir = dir
	}
	f, err := os.Create(filepath.Join(ri.tempDir, "data"))
	if err != nil {
		return nil, fmt.Errorf("%s %s: cannot save the download: %v", flag, path, pathErrText(err))
	}
	defer func() {
		if err != nil {
			ri.removeDownloads()
		}
	}()
	err = ri.fetch(flag, path, "", f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("%s %s: cannot save the download: %v", flag, path, pathErrText(cerr))
	}
	if err != nil {
		return nil, err
	}
	named := func(err error) error {
		var ie *collections.InputError
		if errors.As(err, &ie) && ie.File == f.Name() {
			ie.File = path
		}
		return remoteNamed(flag, path, err)
	}
	d, err := collections.OpenData(f.Name())
	if err != nil {
		return nil, named(err)
	}
	if warn != nil {
		// The rows are named by the URL, not the temporary file.
		d.Warn = func(msg string) { warn(strings.Replace(msg, f.Name(), path, 1)) }
	}
	if _, err = d.Count(); err != nil {
		d.Close()
		return nil, named(err)
	}
	return d, nil
}

// removeDownloads deletes the data files downloaded for the run.
func (ri *remoteInputs) removeDownloads() {
	if ri != nil && ri.tempDir != "" {
		os.RemoveAll(ri.tempDir)
		ri.tempDir = ""
	}
}
