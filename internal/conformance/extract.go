package conformance

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Attachment is the invoice XML that pdfa-check --extract found in a PDF.
type Attachment struct {
	Name string // the attachment name it matched, as "factur-x.xml"
	XML  []byte
}

var extractLine = regexp.MustCompile(`^pdfa-check: (.*): (\S+) \((\d+) bytes\)$`)

// PDFAExtract runs ../shared/conformance/pdfa-check --extract on files in
// one call and returns the attachment found in each, by file path as given.
// A file in which pdfa-check found none, or that it could not read, is
// absent from the map. It skips or fails the test when the judge cannot run
// (python3 with pikepdf and lxml missing).
func PDFAExtract(t testing.TB, files []string) map[string]Attachment {
	t.Helper()
	dir := NeedTools(t, "python3")
	cmd := exec.Command(filepath.Join(dir, "pdfa-check"), append([]string{"--extract"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 2 && strings.Contains(stderr.String(), "needs python3-pikepdf") {
		unavailable(t, "pdfa-check cannot run: %s", strings.TrimSpace(stderr.String()))
	}
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("pdfa-check --extract: %v\n%s", err, stderr.String())
		}
	}
	// stdout holds the XML of each file found, in order; stderr one line
	// per file with the name and size.
	out := stdout.Bytes()
	found := make(map[string]Attachment, len(files))
	for _, line := range strings.Split(stderr.String(), "\n") {
		m := extractLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[3])
		if n > len(out) {
			t.Fatalf("pdfa-check --extract: %s: %d bytes announced, %d left in its output", m[1], n, len(out))
		}
		found[m[1]] = Attachment{Name: m[2], XML: out[:n:n]}
		out = out[n:]
	}
	if len(out) != 0 {
		t.Fatalf("pdfa-check --extract: %d bytes of output not accounted for:\n%s", len(out), stderr.String())
	}
	return found
}
