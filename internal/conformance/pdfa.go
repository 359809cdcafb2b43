package conformance

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// PDFACheck runs ../shared/conformance/pdfa-check with args (such as
// "--info-sync=warn") on files, in one call (one Python process for the
// batch), and returns the verdict per file path as given: PASS or FAIL,
// and the "FAIL [rule] message" and "WARN [rule] message" lines. It skips
// or fails the test when the judge cannot run (python3 with pikepdf and
// lxml missing).
func PDFACheck(t testing.TB, args []string, files []string) map[string]Verdict {
	t.Helper()
	stdout, stderr, err := runPDFACheck(t, append(append([]string{}, args...), files...))
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
			t.Fatalf("pdfa-check %v: %v\n%s%s", args, err, stdout.String(), stderr.String())
		}
	}
	verdicts := make(map[string]Verdict, len(files))
	var current string
	for _, line := range strings.Split(stdout.String(), "\n") {
		switch {
		case strings.HasPrefix(line, "PASS "), strings.HasPrefix(line, "FAIL "):
			// "PASS file (0 failed, 0 warnings)"
			name := line[5:]
			if i := strings.LastIndex(name, " ("); i >= 0 {
				name = name[:i]
			}
			current = name
			verdicts[current] = Verdict{Pass: line[0] == 'P'}
		case strings.HasPrefix(line, "  ") && current != "":
			v := verdicts[current]
			v.Findings = append(v.Findings, strings.TrimSpace(line))
			verdicts[current] = v
		}
	}
	for _, f := range files {
		if _, ok := verdicts[f]; !ok {
			t.Fatalf("pdfa-check gave no verdict for %s:\n%s%s", f, stdout.String(), stderr.String())
		}
	}
	return verdicts
}

// runPDFACheck runs ../shared/conformance/pdfa-check with args and returns
// its output and exit error; it skips or fails the test when pdfa-check
// cannot run (python3 with pikepdf and lxml missing).
func runPDFACheck(t testing.TB, args []string) (stdout, stderr bytes.Buffer, err error) {
	t.Helper()
	dir := NeedTools(t, "python3")
	cmd := exec.Command(filepath.Join(dir, "pdfa-check"), args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 2 && strings.Contains(stderr.String(), "needs python3-pikepdf") {
		unavailable(t, "pdfa-check cannot run: %s", strings.TrimSpace(stderr.String()))
	}
	return stdout, stderr, err
}

// QPDFCheck runs qpdf --check on file: Pass when qpdf finds neither errors
// nor warnings; Findings holds its report. It skips or fails the test when
// qpdf is not installed.
func QPDFCheck(t testing.TB, file string) Verdict {
	t.Helper()
	NeedTools(t, "qpdf")
	out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("qpdf --check %s: %v", file, err)
		}
	}
	return Verdict{Pass: err == nil, Findings: nonEmptyLines(out)}
}

// Font is a font as pdffonts lists it.
type Font struct {
	Name, Type string
	Embedded   bool
}

// PDFFonts runs pdffonts (poppler-utils) on file and returns the fonts it
// lists. It skips or fails the test when pdffonts is not installed.
func PDFFonts(t testing.TB, file string) []Font {
	t.Helper()
	NeedTools(t, "pdffonts")
	out, err := exec.Command("pdffonts", file).Output()
	if err != nil {
		t.Fatalf("pdffonts %s: %v", file, err)
	}
	lines := nonEmptyLines(out)
	// A header line, a line of dashes that gives the columns, the fonts.
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "---") {
		t.Fatalf("pdffonts %s: unexpected output:\n%s", file, out)
	}
	var cols [][2]int
	for i, f := range strings.Fields(lines[1]) {
		start := 0
		if i > 0 {
			start = cols[i-1][1] + 1
		}
		cols = append(cols, [2]int{start, start + len(f)})
	}
	field := func(line string, i int) string {
		a, b := cols[i][0], cols[i][1]
		if i == 0 || i == 1 {
			// Names and types may overflow their columns: cut at the
			// next column's start instead.
			b = cols[i+1][0]
		}
		if a >= len(line) {
			return ""
		}
		return strings.TrimSpace(line[a:min(b, len(line))])
	}
	var fonts []Font
	for _, l := range lines[2:] {
		if len(cols) < 4 {
			break
		}
		fonts = append(fonts, Font{Name: field(l, 0), Type: field(l, 1), Embedded: field(l, 3) == "yes"})
	}
	return fonts
}

// PDFDetachList runs pdfdetach -list (poppler-utils) on file and returns
// the names of the embedded files. It skips or fails the test when
// pdfdetach is not installed.
func PDFDetachList(t testing.TB, file string) []string {
	t.Helper()
	NeedTools(t, "pdfdetach")
	out, err := exec.Command("pdfdetach", "-list", file).Output()
	if err != nil {
		t.Fatalf("pdfdetach -list %s: %v", file, err)
	}
	var names []string
	for _, l := range nonEmptyLines(out) {
		// "1: factur-x.xml"
		if i := strings.Index(l, ": "); i > 0 && !strings.Contains(l[:i], " ") {
			names = append(names, l[i+2:])
		}
	}
	return names
}

func nonEmptyLines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(l) != "" {
			out = append(out, strings.TrimRight(l, "\r"))
		}
	}
	return out
}
