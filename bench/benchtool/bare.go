package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// bareCmd times the simplest correct Go client: one keep-alive transport,
// GET, read the body to the end, close. It is the floor colrun is held to
// per request, measured on the same server in the same benchmark run.
func bareCmd(args []string) error {
	fs := flag.NewFlagSet("bare", flag.ContinueOnError)
	target := fs.String("url", "", "URL to GET (loopback only)")
	n := fs.Int("n", 2000, "requests per run")
	runs := fs.Int("runs", 5, "timed runs (after one warm-up run)")
	out := fs.String("out", "", "write the result as JSON to this file")
	name := fs.String("name", "bare", "name of the result")
	if err := fs.Parse(args); err != nil {
		return err
	}
	u, err := url.Parse(*target)
	if err != nil || u.Host == "" {
		return fmt.Errorf("-url %q is not an absolute URL", *target)
	}
	if err := checkLoopback(u.Host); err != nil {
		return err
	}
	if *n < 1 || *runs < 1 {
		return fmt.Errorf("-n and -runs must be at least 1")
	}
	res := &Result{Name: *name, Requests: *n, OK: true}
	for run := -1; run < *runs; run++ {
		s, err := bareLoop(*target, *n)
		if err != nil {
			return err
		}
		if run >= 0 {
			res.Samples = append(res.Samples, s)
		}
	}
	res.fillMedians()
	res.PerRequestMS = res.WallMS / float64(*n)
	fmt.Printf("%-22s %4d runs  %9.2f ms/run  %7.4f ms/request  %8.0f requests/s  cpu %8.1f ms\n",
		res.Name, res.Runs, res.WallMS, res.PerRequestMS, 1000/res.PerRequestMS, res.CPUMS)
	return writeResult(*out, res)
}

// bareLoop makes a fresh transport per run, so each run pays for its one
// connection just as a colrun process does.
func bareLoop(target string, n int) (Sample, error) {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	userBefore, sysBefore := selfCPU()
	start := time.Now()
	for i := 0; i < n; i++ {
		resp, err := c.Get(target)
		if err != nil {
			return Sample{}, err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil {
			return Sample{}, err
		}
		if resp.StatusCode != http.StatusOK {
			return Sample{}, fmt.Errorf("GET %s: %s", target, resp.Status)
		}
	}
	wall := time.Since(start)
	userAfter, sysAfter := selfCPU()
	return Sample{WallMS: ms(wall), UserMS: ms(userAfter - userBefore), SysMS: ms(sysAfter - sysBefore)}, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
