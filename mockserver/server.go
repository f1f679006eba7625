package mockserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// handler is the mock as an http.Handler.
type handler struct {
	cfg   Config
	store *store
	echo  http.Handler
}

// New returns the mock as an http.Handler, ready for httptest.NewServer or
// any http.Server. Zero or invalid Config fields get their defaults (see
// Config.Validate to refuse them instead).
//
// A request whose path has a bad percent escape never reaches the handler:
// net/http answers it with a plain-text 400. Start's server answers it with
// Tableau's error body instead (see badescape.go).
func New(cfg Config) http.Handler {
	return newHandler(cfg)
}

func newHandler(cfg Config) *handler {
	cfg = cfg.withDefaults()
	h := &handler{cfg: cfg, store: newStore(cfg.Data)}
	if cfg.Echo {
		h.echo = newEcho(cfg.MaxBodyBytes)
	}
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w}
	defer func() {
		if p := recover(); p != nil {
			if h.cfg.Logger != nil {
				h.cfg.Logger.Error("mock panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
			}
			if rec.status == 0 {
				h.writeError(rec, r, errInternal())
			}
		}
		if h.cfg.Logger != nil {
			h.cfg.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
				"duration", time.Since(start).Round(time.Microsecond))
		}
	}()
	if h.cfg.Latency > 0 {
		t := time.NewTimer(h.cfg.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		}
	}
	if !strings.HasPrefix(r.URL.Path, "/api/") && h.echo != nil {
		h.echo.ServeHTTP(rec, r)
		return
	}
	h.serveAPI(rec, r)
}

// statusRecorder remembers the status for the log line and so that a
// recovered panic does not write a second header.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush lets the echo service stream (delays, chunked answers).
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// wantsJSON follows Tableau: JSON when Accept mentions application/json.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(strings.ToLower(strings.Join(r.Header.Values("Accept"), ",")), "application/json")
}

// write sends a tsResponse with the given elements.
func (h *handler) write(w http.ResponseWriter, r *http.Request, status int, kids ...*node) {
	if status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	var body []byte
	if wantsJSON(r) {
		w.Header().Set("Content-Type", contentTypeJSON)
		body = renderJSON(kids)
	} else {
		w.Header().Set("Content-Type", contentTypeXML)
		body = renderXML(h.cfg.APIVersion, kids)
	}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

func (h *handler) writeError(w http.ResponseWriter, r *http.Request, e *apiError) {
	h.write(w, r, e.status, e.node())
}

// Server is a mock listening on a TCP address, serving in the background.
type Server struct {
	srv      *http.Server
	listener net.Listener
	done     chan struct{}
}

// Start listens on addr ("127.0.0.1:0" picks a free port) and serves the
// mock in the background until Close.
func Start(cfg Config, addr string) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("mock server: %w", err)
	}
	h := newHandler(cfg)
	s := &Server{
		srv: &http.Server{
			Handler:           h,
			ReadHeaderTimeout: 10 * time.Second,
		},
		listener: escapeListener{Listener: ln, h: h},
		done:     make(chan struct{}),
	}
	if cfg.Logger != nil {
		s.srv.ErrorLog = slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelWarn)
	}
	go func() {
		defer close(s.done)
		_ = s.srv.Serve(s.listener) // returns http.ErrServerClosed after Close
	}()
	return s, nil
}

// URL is the server's root, e.g. "http://127.0.0.1:8080"; the REST API is
// under URL()+"/api/"+version.
func (s *Server) URL() string { return "http://" + s.Addr() }

// Addr is the host:port the server listens on, the value of the Postman
// variable "server".
func (s *Server) Addr() string { return s.listener.Addr().String() }

// Close stops the server, letting requests in flight finish for a few
// seconds before cutting them off.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = s.srv.Close()
	}
	<-s.done
	return err
}
