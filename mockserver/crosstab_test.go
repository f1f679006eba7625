package mockserver

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestViewCrosstabExcel downloads a view's crosstab as an .xlsx file whose
// one sheet holds the view's row, and gets the reference's 400130 for a
// view that is not on the site.
func TestViewCrosstabExcel(t *testing.T) {
	t.Parallel()
	m := newMock(t, Config{})
	token, site := m.admin("")
	view := demoID(site, "view", "Sales Dashboard", "Overview")
	tests := []struct {
		name   string
		view   string
		json   bool
		status int
		code   string
	}{
		{"a view", view, false, 200, ""},
		{"asked for as JSON, still the file", view, true, 200, ""},
		{"not on the site", "00000000-0000-0000-0000-000000000000", false, 400, "400130"},
		{"not on the site (json)", demoID(DemoSamplesSiteID, "view", "Superstore", "Overview"), true, 400, "400130"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := m.do(req{path: "sites/" + site + "/views/" + tt.view + "/crosstab/excel", token: token, json: tt.json})
			if r.wantStep(t, tt.name, tt.status, tt.code) {
				return
			}
			if ct := r.header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
				t.Errorf("Content-Type %q", ct)
			}
			if d := r.header.Get("Content-Disposition"); d != `attachment; filename="Overview.xlsx"` {
				t.Errorf("Content-Disposition %q", d)
			}
			zr, err := zip.NewReader(bytes.NewReader(r.body), int64(len(r.body)))
			if err != nil {
				t.Fatal(err)
			}
			var cells []string
			for _, f := range zr.File {
				if f.Name != "xl/worksheets/sheet1.xml" {
					continue
				}
				rc, err := f.Open()
				if err != nil {
					t.Fatal(err)
				}
				raw, _ := io.ReadAll(rc)
				var sheet struct {
					Cells []string `xml:"sheetData>row>c>is>t"`
				}
				if err := xml.Unmarshal(raw, &sheet); err != nil {
					t.Fatal(err)
				}
				cells = sheet.Cells
			}
			// The fourth cell is the view's count, which the fixture sets.
			if len(cells) != 4 {
				t.Fatalf("sheet cells %v, want 4", cells)
			}
			if diff := cmp.Diff([]string{"View", "Total Views", "Overview"}, cells[:3]); diff != "" {
				t.Errorf("sheet cells (-want +got):\n%s", diff)
			}
		})
	}
}
