package mockserver

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"sync"
)

// The renderings the mock answers with: real, if tiny, files, so that a
// client that decodes the image or opens the PDF does not fail on them.

// pngFile is a 1x1 PNG, as Query View Image and the preview images
// answer (Content-Type image/png).
var pngFile = sync.OnceValue(func() *fileBody {
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	_ = png.Encode(&b, img) // a bytes.Buffer does not fail
	return &fileBody{contentType: "image/png", data: b.Bytes()}
})

// pdfFile is a one-page blank PDF, as Query View PDF and Download
// Workbook PDF answer (Content-Type application/pdf). The cross-reference
// table needs each object's byte offset, so the file is assembled and
// measured here rather than written out by hand.
var pdfFile = sync.OnceValue(func() *fileBody {
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return &fileBody{contentType: "application/pdf", data: b.Bytes()}
})
