package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/einvoice-go/einvoice"
	"github.com/einvoice-go/einvoice/cii"
	"github.com/einvoice-go/einvoice/einvoicetest"
	"github.com/einvoice-go/einvoice/facturx"
	"github.com/einvoice-go/einvoice/ubl"
)

const fixturesUsage = `usage: einvoice fixtures --count N [--seed S] [--profile P] [--format json|cii|ubl|pdf] [--rules en16931|fr|choruspro] -o DIR

Writes N generated invoices into the directory DIR (created if needed), one
file each, valid for the rules asked: the invoices of package einvoicetest,
einvoicetest.Invoice(S), Invoice(S+1), ..., Invoice(S+N-1). They vary the
VAT categories, document types (invoices, credit notes, corrected and
self-billed invoices), payment means, allowances and charges, attachments,
parties (French and other EU companies, public buyers, buyers abroad) and
the number of lines, as the profile carries them.

The file of seed K is invoice-K.EXT, K written with as many digits as the
largest seed, so that the names sort: the same command writes the same
files, byte for byte.

Flags:
  --count N     the number of invoices (required, 1 to 1000000)
  --seed S      the first seed (default 1)
  --profile P   the Factur-X profile: minimum, basicwl, basic, en16931 (the
                default), extended or extended-ctc-fr; MINIMUM and BASIC WL
                invoices have no lines
  --format F    json (the model's JSON form), cii (the default), ubl (not
                for minimum and basicwl, which UBL cannot carry), or pdf (a
                Factur-X PDF/A-3B drawn from the invoice, dated 09:00 UTC on
                its issue date)
  --rules R     the rules the invoices pass: en16931 (the default: EN 16931
                and the profile's Factur-X rules), fr (and the French CIUS
                of the 2026 reform; BASIC at least) or choruspro (and the
                rules of Chorus Pro: a French public buyer)
  -o DIR        the output directory (required)

Progress goes to standard error when it is a terminal.

Exit status: 0 on success, 1 when a file cannot be written, 2 on a usage
error.
`

// maxFixtures is the largest --count.
const maxFixtures = 1000000

func fixturesCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("fixtures", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	count := fs.String("count", "", "number of invoices")
	seed := fs.String("seed", "1", "first seed")
	profile := fs.String("profile", "en16931", "Factur-X profile")
	format := fs.String("format", "cii", "output format")
	rules := fs.String("rules", "en16931", "rule sets")
	out := fs.String("o", "", "output directory")
	positional, code, done := parseFlags(fs, args, fixturesUsage, stdout, stderr)
	if done {
		return code
	}
	if len(positional) > 0 {
		return usageError(stderr, "fixtures: unexpected argument "+strconv.Quote(positional[0])+" (the output directory is given with -o)")
	}
	if *count == "" {
		return usageError(stderr, "fixtures: --count is required")
	}
	n, err := strconv.Atoi(*count)
	if err != nil || n < 1 || n > maxFixtures {
		return usageError(stderr, fmt.Sprintf("fixtures: bad --count value %q: want a number from 1 to %d", *count, maxFixtures))
	}
	first, err := strconv.ParseUint(*seed, 10, 64)
	if err != nil || first > ^uint64(0)-uint64(n-1) {
		return usageError(stderr, fmt.Sprintf("fixtures: bad --seed value %q: want a number from 0 to %d", *seed, ^uint64(0)-uint64(n-1)))
	}
	if !slices.Contains(profiles, *profile) {
		return usageError(stderr, fmt.Sprintf("fixtures: bad --profile value %q: want one of %s", *profile, strings.Join(profiles, ", ")))
	}
	p, _ := cii.ParseProfile(*profile)
	switch *format {
	case "json", "cii", "pdf":
	case "ubl":
		if p == cii.Minimum || p == cii.BasicWL {
			return usageError(stderr, "fixtures: --format ubl needs invoices with lines: not --profile "+*profile)
		}
	default:
		return usageError(stderr, fmt.Sprintf("fixtures: bad --format value %q: want json, cii, ubl or pdf", *format))
	}
	opt := fixtureOptions(p)
	switch *rules {
	case "en16931":
	case "fr", "choruspro":
		if p == cii.Minimum || p == cii.BasicWL {
			return usageError(stderr, "fixtures: --rules "+*rules+" needs lines and notes: not --profile "+*profile)
		}
		opt.French, opt.ChorusPro = true, *rules == "choruspro"
		opt.Categories = []einvoice.VATCategory{"S", "S", "S", "Z", "E", "AE", "K", "G", "O"}
		if opt.ChorusPro {
			opt.Categories = []einvoice.VATCategory{"S", "S", "S", "Z", "E", "O"}
			opt.PaymentMeans = []einvoice.PaymentMeansCode{"30", "30", "49", "20"}
		}
	default:
		return usageError(stderr, fmt.Sprintf("fixtures: bad --rules value %q: want en16931, fr or choruspro", *rules))
	}
	if *out == "" {
		return usageError(stderr, "fixtures: -o DIR is required")
	}
	if err := opt.Check(); err != nil {
		// Not reachable: the options above are the generator's own.
		fmt.Fprintln(stderr, "einvoice: fixtures: "+err.Error())
		return exitFail
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(stderr, "einvoice: fixtures: "+err.Error())
		return exitFail
	}
	job := &fixtureJob{
		dir: *out, format: *format, opt: opt, first: first, n: n,
		width: len(strconv.FormatUint(first+uint64(n-1), 10)),
	}
	if err := job.run(progressWriter(stderr)); err != nil {
		fmt.Fprintln(stderr, "einvoice: fixtures: "+err.Error())
		return exitFail
	}
	return exitOK
}

// fixtureOptions are the options of the fixtures of profile p: every
// category, document type and payment means the profile takes, allowances
// and charges, attachments, a few currencies.
func fixtureOptions(p cii.Profile) einvoicetest.Options {
	opt := einvoicetest.Options{
		Profile:           p,
		Categories:        []einvoice.VATCategory{"S", "S", "S", "S", "Z", "E", "AE", "K", "G", "O", "L", "M"},
		TypeCodes:         []einvoice.DocumentTypeCode{"380", "380", "380", "380", "381", "384", "386", "389", "393", "261", "262", "396"},
		PaymentMeans:      []einvoice.PaymentMeansCode{"30", "58", "58", "49", "59", "48", "20", "10", "42", "57"},
		Currencies:        []einvoice.CurrencyCode{"EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "GBP", "CHF"},
		MinLines:          1,
		MaxLines:          12,
		AllowancesCharges: true,
		Attachments:       true,
	}
	if p == cii.Extended || p == cii.ExtendedCTCFR {
		opt.Categories = append(opt.Categories, "B")
	}
	return opt
}

// fixtureJob writes the files of one fixtures command.
type fixtureJob struct {
	dir, format string
	opt         einvoicetest.Options
	first       uint64
	n, width    int
}

// run writes the files with one worker per processor, each file depending
// on its seed only, and reports the first error. progress, when not nil,
// is told of each file written.
func (j *fixtureJob) run(progress *progress) error {
	workers := min(runtime.GOMAXPROCS(0), j.n)
	var (
		next    atomic.Int64
		done    atomic.Int64
		failed  atomic.Bool
		errOnce sync.Once
		first   error
		wg      sync.WaitGroup
	)
	if progress != nil {
		stop := progress.start(j.n, &done)
		defer stop()
	}
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for !failed.Load() {
				i := next.Add(1) - 1
				if i >= int64(j.n) {
					return
				}
				if err := j.write(&buf, j.first+uint64(i)); err != nil {
					errOnce.Do(func() { first = err })
					failed.Store(true)
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	return first
}

// write generates the invoice of seed and writes its file, using buf.
func (j *fixtureJob) write(buf *bytes.Buffer, seed uint64) error {
	inv := einvoicetest.Invoice(seed, j.opt)
	buf.Reset()
	var err error
	ext := j.format
	switch j.format {
	case "cii":
		_, err = (&cii.Encoder{Profile: j.opt.Profile}).Encode(buf, inv)
		ext = "xml"
	case "ubl":
		err = ubl.Encode(buf, inv)
		ext = "xml"
	case "json":
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(inv)
	case "pdf":
		d := inv.IssueDate
		err = facturx.Create(buf, inv, &facturx.Options{
			Profile: cii.ProfileOf(inv.Process.Specification),
			Time:    time.Date(d.Year, d.Month, d.Day, 9, 0, 0, 0, time.UTC),
		})
	}
	if err != nil {
		return fmt.Errorf("seed %d: %w", seed, err)
	}
	s := strconv.FormatUint(seed, 10)
	name := "invoice-" + strings.Repeat("0", j.width-len(s)) + s + "." + ext
	return os.WriteFile(filepath.Join(j.dir, name), buf.Bytes(), 0o644)
}

// progress shows how many files are written, on a terminal.
type progress struct{ w io.Writer }

// progressWriter returns a progress on stderr when it is a terminal (a
// character device), or nil.
func progressWriter(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &progress{w: f}
}

// start prints the count of done of n files ten times a second until the
// returned function is called, which prints the last count and a newline.
func (p *progress) start(n int, done *atomic.Int64) (stop func()) {
	quit := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				p.print(done.Load(), n)
			}
		}
	}()
	return func() {
		close(quit)
		wg.Wait()
		p.print(done.Load(), n)
		fmt.Fprintln(p.w)
	}
}

func (p *progress) print(done int64, n int) {
	fmt.Fprintf(p.w, "\reinvoice: fixtures: %d/%d (%d%%)", done, n, done*100/int64(n))
}
