package mockserver

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// Initiate File Upload and Append to File Upload (Publishing Methods of
// Tableau's reference): the chunked path for files too big for one
// request. An upload session belongs to the site and user that began it;
// appends add their tableau_file part's size, and publishing with
// ?uploadSessionId= (publish.go) uses the session up. The bytes are
// counted, not kept, as single-call publishing does not keep them either.
//
// An unknown session is 404015 "File upload not found", the code Publish
// Workbook's table gives for its uploadSessionId parameter; the reference
// lists no code for Append to File Upload, so the mock answers the same.

const codeUploadNotFound = 404015

// upload is a file upload session.
type upload struct {
	id, siteID, userID string
	size               int
}

// uploadRoutes answers .../fileUploads[/{id}]; segs start at "sites".
func (h *handler) uploadRoutes(segs []string) endpoint {
	switch len(segs) {
	case 3:
		return endpoint{http.MethodPost: h.initiateUpload}
	case 4:
		return endpoint{http.MethodPut: h.appendUpload}
	}
	return nil
}

func uploadNode(u *upload) *node {
	return el("fileUpload").set("uploadSessionId", u.id).set("fileSize", fmt.Sprint(megabytes(u.size)))
}

// findUpload must be called with the store locked.
func (c *call) findUpload(id string) (*upload, *apiError) {
	for _, u := range c.h.store.uploads {
		if u.id == id && u.siteID == c.sess.siteID && u.userID == c.user.ID {
			return u, nil
		}
	}
	return nil, errNotFound(codeUploadNotFound, "File upload", id)
}

func (h *handler) initiateUpload(c *call) (result, *apiError) {
	if err := c.begin(c.segs[1], "file_uploads", "create", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	// Tableau's ids look like 3877:63f8579222de403ea574673e22dafdca-1:0.
	u := &upload{id: fmt.Sprintf("%d:%s-1:0", len(st.uploads)+1, strings.ReplaceAll(uuid.NewString(), "-", "")),
		siteID: c.segs[1], userID: c.user.ID}
	st.uploads = append(st.uploads, u)
	return answer(http.StatusCreated, uploadNode(u))
}

// appendUpload reads a multipart body whose tableau_file part is the next
// chunk; its request_payload part is empty, as the reference has it.
func (h *handler) appendUpload(c *call) (result, *apiError) {
	raw, err := c.readRaw()
	if err != nil {
		return result{}, err
	}
	if err := c.begin(c.segs[1], "file_uploads", "create", false); err != nil {
		return result{}, err
	}
	st := h.store
	defer st.mu.Unlock()
	u, err := c.findUpload(c.segs[3])
	if err != nil {
		return result{}, err
	}
	parts, haveFile, err := readParts(c.r.Header.Get("Content-Type"), raw, "tableau_file")
	if err != nil {
		return result{}, err
	}
	if !haveFile {
		return result{}, errBadRequest("Append to File Upload needs a tableau_file part holding the next chunk.")
	}
	u.size += parts.fileSize
	return answer(http.StatusOK, uploadNode(u))
}

// uploadedParts is the payload and file of a publish request that names an
// upload session, which it uses up. Must be called with the store locked.
func (c *call) uploadedParts(id string, raw []byte, kind publishKind) (publishedParts, *apiError) {
	u, err := c.findUpload(id)
	if err != nil {
		return publishedParts{}, err
	}
	fileType := c.r.URL.Query().Get(kind.typeParam)
	if !slices.Contains(kind.extensions, "."+strings.ToLower(fileType)) {
		return publishedParts{}, &apiError{http.StatusBadRequest, 400035, "Bad Request",
			fmt.Sprintf("Publishing from an upload session needs %s, one of %s; got '%s'.", kind.typeParam, strings.Join(kind.extensions, ", "), fileType)}
	}
	parts, haveFile, err := readParts(c.r.Header.Get("Content-Type"), raw, kind.filePart)
	if err != nil {
		return parts, err
	}
	if haveFile {
		return parts, errBadRequest("The request names an upload session and has a " + kind.filePart + " part too; send one or the other.")
	}
	if parts.payload == nil {
		return parts, errBadRequest("The multipart body needs a request_payload part.")
	}
	parts.fileName, parts.fileSize = "upload."+strings.ToLower(fileType), u.size
	c.h.store.uploads = slices.DeleteFunc(c.h.store.uploads, func(o *upload) bool { return o == u })
	return parts, nil
}
