package main

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
)

// Result is one measured scenario, as written by measure and bare and read
// by summarize. Times are milliseconds and memory megabytes (2^20 bytes),
// medians over Samples.
type Result struct {
	Name    string   `json:"name"`
	Command []string `json:"command,omitempty"`
	Runs    int      `json:"runs"`
	// OK is false when any run exited non-zero or timed out; its numbers
	// are then suspect and summarize says so.
	OK     bool    `json:"ok"`
	WallMS float64 `json:"wall_ms"`
	CPUMS  float64 `json:"cpu_ms"`
	RSSMB  float64 `json:"peak_rss_mb,omitempty"`
	// AnonMB and FileMB split the largest resident set seen while the
	// child ran (sampled from /proc on Linux, absent elsewhere): its own
	// memory, and the pages of its executable and libraries mapped from
	// the page cache. Medians, like RSSMB; they need not add up to it.
	AnonMB float64 `json:"peak_anon_mb,omitempty"`
	FileMB float64 `json:"peak_file_mb,omitempty"`
	// MinWallMS is the fastest run, the number least disturbed by other
	// work on the machine.
	MinWallMS float64 `json:"min_wall_ms"`
	// Requests and PerRequestMS are set by bare only.
	Requests     int      `json:"requests,omitempty"`
	PerRequestMS float64  `json:"per_request_ms,omitempty"`
	Samples      []Sample `json:"samples"`
}

// Sample is one run.
type Sample struct {
	WallMS float64 `json:"wall_ms"`
	UserMS float64 `json:"user_ms"`
	SysMS  float64 `json:"sys_ms"`
	RSSMB  float64 `json:"peak_rss_mb,omitempty"`
	AnonMB float64 `json:"peak_anon_mb,omitempty"`
	FileMB float64 `json:"peak_file_mb,omitempty"`
	Exit   int     `json:"exit"`
}

func (r *Result) fillMedians() {
	var wall, cpu, rss, anon, file []float64
	for _, s := range r.Samples {
		wall = append(wall, s.WallMS)
		cpu = append(cpu, s.UserMS+s.SysMS)
		rss = append(rss, s.RSSMB)
		if s.AnonMB > 0 {
			anon, file = append(anon, s.AnonMB), append(file, s.FileMB)
		}
	}
	r.Runs = len(r.Samples)
	r.WallMS, r.CPUMS, r.RSSMB = median(wall), median(cpu), median(rss)
	r.AnonMB, r.FileMB = median(anon), median(file)
	r.MinWallMS = slices.Min(wall)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func writeResult(path string, r *Result) error {
	if path == "" {
		return nil
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
