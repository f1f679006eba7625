package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// fixedBody is what every request gets: small, like a typical REST answer,
// and with the fields the generated test scripts check.
var fixedBody = []byte(`{"id":1,"name":"fixed","active":true,"tags":["a","b","c"],"items":[{"id":1,"value":"one"},{"id":2,"value":"two"},{"id":3,"value":"three"}]}`)

func serveCmd(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:0", "loopback host:port to listen on (port 0 picks a free one)")
	latency := fs.Duration("latency", 0, "delay added before every response")
	lifetime := fs.Duration("lifetime", 30*time.Minute, "stop after this long even if nobody stops the server")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	length := strconv.Itoa(len(fixedBody))
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if *latency > 0 {
				time.Sleep(*latency)
			}
			h := w.Header()
			h["Content-Type"] = []string{"application/json; charset=utf-8"}
			h["Content-Length"] = []string{length}
			w.Write(fixedBody)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	// The URL goes out first and alone on its line, so run.sh can read it
	// before the first request.
	fmt.Printf("http://%s\n", ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, *lifetime)
	defer cancel()
	go func() {
		<-ctx.Done()
		shut, done := context.WithTimeout(context.Background(), 2*time.Second)
		defer done()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// checkLoopback refuses any address that is not 127.0.0.1 or ::1, because
// the benchmark's traffic must never leave the machine.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("address %q is not a loopback IP; the benchmark stays on 127.0.0.1", addr)
	}
	return nil
}
