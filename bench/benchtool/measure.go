package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

// measureCmd runs a command several times and keeps the child's wall time,
// CPU time and peak RSS per run. The child's stdout goes to /dev/null so
// that a reporter printing every request costs what it costs in CI with
// output redirected, and the benchmark does not pay to read it.
func measureCmd(args []string) error {
	fs := flag.NewFlagSet("measure", flag.ContinueOnError)
	name := fs.String("name", "", "name of the scenario (the result's name)")
	runs := fs.Int("runs", 5, "timed runs")
	warmup := fs.Int("warmup", 1, "untimed runs first, to warm file caches")
	timeout := fs.Duration("timeout", 3*time.Minute, "kill a run that takes longer than this")
	out := fs.String("out", "", "write the result as JSON to this file")
	format := fs.String("format", "table", "what to print: table (one line) or json")
	if err := fs.Parse(args); err != nil {
		return err
	}
	argv := fs.Args()
	if len(argv) == 0 {
		return errors.New("no command given (benchtool measure [flags] -- cmd args...)")
	}
	if *name == "" {
		*name = argv[0]
	}
	if *runs < 1 || *warmup < 0 {
		return errors.New("-runs must be at least 1 and -warmup at least 0")
	}
	// An interrupt kills the running child and ends the measurement, so a
	// stopped benchmark leaves nothing running.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	res := &Result{Name: *name, Command: argv, OK: true}
	for i := -*warmup; i < *runs; i++ {
		s, stderr, err := runOnce(ctx, argv, *timeout)
		if ctx.Err() != nil {
			return fmt.Errorf("%s: interrupted", *name)
		}
		if err != nil {
			res.OK = false
			fmt.Fprintf(os.Stderr, "benchtool measure %s: run %d: %v\n%s", *name, i+*warmup+1, err, tail(stderr, 2000))
			if s.WallMS == 0 {
				// It never ran: a missing binary will not appear on the next try.
				break
			}
		}
		if i >= 0 {
			res.Samples = append(res.Samples, s)
		}
	}
	if len(res.Samples) == 0 {
		res.OK = false
		writeResult(*out, res)
		return fmt.Errorf("%s: no run completed", *name)
	}
	res.fillMedians()
	switch *format {
	case "json":
		b, _ := jsonIndent(res)
		fmt.Println(string(b))
	default:
		mark := ""
		if !res.OK {
			mark = "  (FAILED: see above)"
		}
		split := ""
		if res.AnonMB > 0 {
			split = fmt.Sprintf(" (anon %.1f, file %.1f)", res.AnonMB, res.FileMB)
		}
		fmt.Printf("%-22s %4d runs  wall %9.1f ms  cpu %9.1f ms  peak rss %7.1f MB%s%s\n",
			res.Name, res.Runs, res.WallMS, res.CPUMS, res.RSSMB, split, mark)
	}
	return writeResult(*out, res)
}

// runOnce runs argv to completion or until timeout and returns its sample.
// An error means the run failed (non-zero exit, killed or not started); the
// sample is still filled in when the process ran.
func runOnce(parent context.Context, argv []string, timeout time.Duration) (Sample, []byte, error) {
	ctx, cancel := context.WithTimeout(parent, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	var stderr capped
	cmd.Stdout = nil
	cmd.Stderr = &stderr
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return Sample{}, nil, err
	}
	stopSplit := sampleRSSSplit(cmd.Process.Pid)
	err := cmd.Wait()
	wall := time.Since(start)
	anon, file := stopSplit()
	ps := cmd.ProcessState
	if ps == nil {
		return Sample{}, stderr.Bytes(), err
	}
	s := Sample{
		WallMS: ms(wall),
		UserMS: ms(ps.UserTime()),
		SysMS:  ms(ps.SystemTime()),
		RSSMB:  peakRSSMB(ps),
		AnonMB: anon,
		FileMB: file,
		Exit:   ps.ExitCode(),
	}
	if ctx.Err() != nil {
		return s, stderr.Bytes(), fmt.Errorf("killed after %v", timeout)
	}
	return s, stderr.Bytes(), err
}

// capped keeps the first 64 KiB written to it: enough to show why a run
// failed without letting a chatty child grow the benchmark's memory.
type capped struct{ bytes.Buffer }

func (c *capped) Write(p []byte) (int, error) {
	if room := 64<<10 - c.Len(); room > 0 {
		if len(p) > room {
			c.Buffer.Write(p[:room])
		} else {
			c.Buffer.Write(p)
		}
	}
	return len(p), nil
}

func tail(b []byte, n int) string {
	s := string(b)
	if len(s) > n {
		s = "..." + s[len(s)-n:]
	}
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
