package mockserver

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// viewXLSX is Download View Crosstab Excel's answer (GET .../views/{id}/
// crosstab/excel): the view's data, the same row Query View Data gives,
// as a one-sheet .xlsx workbook.
func viewXLSX(item contentItem, v *View) *fileBody {
	data := xlsxFile([][]string{{"View", "Total Views"}, {item.name, strconv.Itoa(v.TotalViewCount)}})
	return &fileBody{contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		disposition: `attachment; filename="` + strings.ReplaceAll(item.name, `"`, "") + `.xlsx"`, data: data}
}

// xlsxFile builds the smallest workbook spreadsheet programs open: the
// five parts of an Office Open XML spreadsheet with one sheet whose cells
// are inline strings.
func xlsxFile(rows [][]string) []byte {
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r, row := range rows {
		sheet.WriteString(`<row r="` + strconv.Itoa(r+1) + `">`)
		for col, v := range row {
			sheet.WriteString(`<c r="` + string(rune('A'+col)) + strconv.Itoa(r+1) + `" t="inlineStr"><is><t>`)
			_ = xml.EscapeText(&sheet, []byte(v)) // a strings.Builder does not fail
			sheet.WriteString(`</t></is></c>`)
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="` + rel + `">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	}
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range parts {
		w, _ := z.Create(p.name) // writing to a bytes.Buffer does not fail
		_, _ = w.Write([]byte(p.body))
	}
	_ = z.Close()
	return b.Bytes()
}
