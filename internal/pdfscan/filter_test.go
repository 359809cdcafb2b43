package pdfscan

import (
	"bytes"
	"compress/flate"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/einvoice-go/einvoice/internal/pdfscan/pdftest"
)

// decodeStream decodes a stream with dictionary entries dict and data raw.
func decodeStream(t *testing.T, dict string, raw []byte, limit int64) ([]byte, error) {
	t.Helper()
	b := &pdftest.Builder{Root: 1}
	b.Set(1, "<< /Type /Catalog >>")
	b.Set(2, pdftest.Stream(dict, raw))
	r, err := Open(b.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	o, err := r.Object(2)
	if err != nil {
		t.Fatal(err)
	}
	return r.Decode(o.(*Stream), limit)
}

func sampleData(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"<ram:ID>", "</ram:ID>", "Facture", "EUR", "100.00", "\n  ", "é", "\x00", "\xff"}
	var b []byte
	for len(b) < n {
		b = append(b, words[rng.IntN(len(words))]...)
	}
	return b[:n]
}

func TestFilters(t *testing.T) {
	data := sampleData(5000)
	var raw bytes.Buffer
	fw, _ := flate.NewWriter(&raw, 9)
	fw.Write(data)
	fw.Close()
	a85 := make([]byte, ascii85.MaxEncodedLen(len(data)))
	a85 = append(a85[:ascii85.Encode(a85, data)], "~>"...)
	var lzw0 bytes.Buffer
	lw := lzw.NewWriter(&lzw0, lzw.MSB, 8)
	lw.Write(data)
	lw.Close()
	hexed := fmt.Sprintf("%X>", data)
	tests := []struct {
		name, dict string
		raw        []byte
	}{
		{"none", "", data},
		{"Flate", "/Filter /FlateDecode", pdftest.Deflate(data)},
		{"Fl", "/Filter /Fl", pdftest.Deflate(data)},
		{"Flate raw deflate", "/Filter /FlateDecode", raw.Bytes()},
		{"Flate in an array", "/Filter [/FlateDecode] /DecodeParms [null]", pdftest.Deflate(data)},
		{"ASCIIHex", "/Filter /ASCIIHexDecode", []byte(hexed)},
		{"ASCIIHex with spaces", "/Filter /AHx", []byte(strings.Join(strings.SplitAfter(hexed, "A"), "\n "))},
		{"ASCII85", "/Filter /ASCII85Decode", a85},
		{"ASCII85 with <~", "/Filter /A85", append([]byte("<~"), a85...)},
		{"ASCIIHex then Flate", "/Filter [/AHx /Fl]", fmt.Appendf(nil, "%x>", pdftest.Deflate(data))},
		{"LZW, EarlyChange 0", "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>", lzw0.Bytes()},
		{"LZW, early change", "/Filter /LZWDecode", lzwEncode(data, true)},
		{"LZW, early change, explicit", "/Filter /LZW /DecodeParms << /EarlyChange 1 >>", lzwEncode(data, true)},
		{"RunLength", "/Filter /RunLengthDecode", runLengthEncode(data)},
		{"Crypt Identity", "/Filter /Crypt", data},
		{"Flate, PNG predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 10 >>", pdftest.Deflate(pngEncode(data, 10, 1))},
		{"Flate, TIFF predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 2 /Columns 10 /Colors 2 >>", pdftest.Deflate(tiffEncode(data, 20, 2))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeStream(t, tt.dict, tt.raw, 0)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, data) {
				t.Errorf("decoded %d bytes, not the %d of the data", len(got), len(data))
			}
		})
	}
}

func TestFilterErrors(t *testing.T) {
	data := sampleData(5000)
	z := pdftest.Deflate(data)
	corrupt := bytes.Clone(z)
	for i := 10; i < 40; i++ {
		corrupt[i] ^= 0x55
	}
	tests := []struct {
		name, dict string
		raw        []byte
		want       error
	}{
		{"DCT", "/Filter /DCTDecode", data, ErrUnsupportedFilter},
		{"Crypt", "/Filter /Crypt /DecodeParms << /Name /StdCF >>", data, ErrUnsupportedFilter},
		{"JBIG2 after Flate", "/Filter [/FlateDecode /JBIG2Decode]", z, ErrUnsupportedFilter},
		{"truncated Flate", "/Filter /FlateDecode", z[:len(z)/2], nil},
		{"corrupt Flate", "/Filter /FlateDecode", corrupt, nil},
		{"zlib dictionary", "/Filter /FlateDecode", []byte{0x78, 0xbb, 0, 0, 0, 0}, nil},
		{"bad hex", "/Filter /ASCIIHexDecode", []byte("4x>"), nil},
		{"bad ASCII85", "/Filter /ASCII85Decode", []byte("abc{~>"), nil},
		{"bad LZW code", "/Filter /LZWDecode", []byte{0xff, 0xff, 0xff}, nil},
		{"bad predictor", "/Filter /FlateDecode /DecodeParms << /Predictor 7 >>", z, nil},
		{"bad PNG filter type", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >>", pdftest.Deflate([]byte{9, 1, 2, 3, 4}), nil},
		{"bad predictor parameters", "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Colors 0 >>", z, nil},
		{"filter not a name", "/Filter 12", data, nil},
		{"too many filters", "/Filter [/AHx /AHx /AHx /AHx /AHx /AHx /AHx /AHx /AHx]", data, nil},
		{"limit", "/Filter /FlateDecode", z, ErrLimit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeStream(t, tt.dict, tt.raw, 4000)
			if err == nil {
				t.Fatalf("no error; %d bytes", len(got))
			}
			var e *Error
			if !errors.As(err, &e) || e.Num != 2 {
				t.Errorf("error %q does not name object 2", err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestFlateBomb: a stream that inflates without end stops at the limit, fast.
func TestFlateBomb(t *testing.T) {
	bomb := pdftest.Bomb(100)
	if len(bomb) > 200<<10 {
		t.Fatalf("bomb of %d bytes", len(bomb))
	}
	// Deflated twice: 100 MiB -> 100 KiB -> a few hundred bytes.
	twice := pdftest.Deflate(bomb)
	for _, tt := range []struct {
		filter string
		data   []byte
	}{
		{"/FlateDecode", bomb},
		{"[/FlateDecode /FlateDecode]", twice},
	} {
		b := &pdftest.Builder{Root: 1}
		b.Set(1, "<< /Type /Catalog >>")
		b.Set(2, pdftest.Stream("/Filter "+tt.filter, tt.data))
		r, _ := Open(b.Bytes(), &Options{MaxDecoded: 8 << 20})
		o, _ := r.Object(2)
		_, err := r.Decode(o.(*Stream), 0)
		if !errors.Is(err, ErrLimit) {
			t.Fatalf("%s: error %v, want ErrLimit", tt.filter, err)
		}
	}
	// A bomb is a valid zlib stream.
	r, _ := zlib.NewReader(bytes.NewReader(pdftest.Bomb(3)))
	n, err := io.Copy(io.Discard, r)
	if err != nil || n != 3<<20 {
		t.Fatalf("bomb: %d bytes, %v", n, err)
	}
}

func TestPredictors(t *testing.T) {
	data := sampleData(3001)
	for _, colors := range []int{1, 3} {
		for _, bpc := range []int{8, 16} {
			for _, columns := range []int{1, 7, 100} {
				bpp := colors * bpc / 8
				rowLen := bpp * columns
				enc := pngEncode(data, rowLen, bpp)
				parms := Dict{{"Predictor", int64(15)}, {"Colors", int64(colors)}, {"BitsPerComponent", int64(bpc)}, {"Columns", int64(columns)}}
				got, err := unpredict(enc, parms)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, data) {
					t.Errorf("PNG colors %d bpc %d columns %d: round trip differs", colors, bpc, columns)
				}
			}
		}
	}
	// Bits per component below 8: bpp is 1.
	enc := pngEncode(data, 13, 1)
	got, err := unpredict(enc, Dict{{"Predictor", int64(10)}, {"BitsPerComponent", int64(1)}, {"Columns", int64(104)}})
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("PNG with 1 bit per component: %v", err)
	}
	// Huge /Columns on little data: one short row, no huge allocation.
	if _, err := unpredict([]byte{0, 1, 2}, Dict{{"Predictor", int64(12)}, {"Columns", int64(1 << 24)}}); err != nil {
		t.Error(err)
	}
	if got, err := unpredict(nil, Dict{{"Predictor", int64(12)}}); err != nil || len(got) != 0 {
		t.Error("empty data", err)
	}
}

func TestRunLength(t *testing.T) {
	got, err := runLengthDecode([]byte{2, 'a', 'b', 'c', 254, 'x', 128, 'z'}, 100)
	if err != nil || string(got) != "abcxxx" {
		t.Errorf("got %q %v", got, err)
	}
	if _, err := runLengthDecode([]byte{129, 'x', 129, 'x'}, 200); !errors.Is(err, ErrLimit) {
		t.Errorf("limit: %v", err)
	}
}

// pngEncode applies PNG predictors to data, cycling through the filter
// types row by row.
func pngEncode(data []byte, rowLen, bpp int) []byte {
	var out []byte
	prev := make([]byte, rowLen)
	for i, row := 0, 0; i < len(data); i, row = i+rowLen, row+1 {
		cur := make([]byte, rowLen)
		copy(cur, data[i:min(i+rowLen, len(data))])
		ft := byte(row % 5)
		out = append(out, ft)
		for k := 0; k < rowLen && i+k < len(data); k++ {
			var a, c byte
			if k >= bpp {
				a, c = cur[k-bpp], prev[k-bpp]
			}
			b := prev[k]
			var p byte
			switch ft {
			case 1:
				p = a
			case 2:
				p = b
			case 3:
				p = byte((int(a) + int(b)) / 2)
			case 4:
				p = paeth(a, b, c)
			}
			out = append(out, cur[k]-p)
		}
		prev = cur
	}
	return out
}

func tiffEncode(data []byte, rowLen, bpp int) []byte {
	out := bytes.Clone(data)
	for row := 0; row < len(out); row += rowLen {
		end := min(row+rowLen, len(out))
		for i := end - 1; i >= row+bpp; i-- {
			out[i] -= out[i-bpp]
		}
	}
	return out
}

func runLengthEncode(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && data[j] == data[i] && j-i < 128 {
			j++
		}
		if j-i >= 2 {
			out = append(out, byte(257-(j-i)), data[i])
			i = j
			continue
		}
		j = i
		for j < len(data) && j-i < 128 && (j+1 >= len(data) || data[j+1] != data[j]) {
			j++
		}
		if j == i {
			j = i + 1
		}
		out = append(out, byte(j-i-1))
		out = append(out, data[i:j]...)
		i = j
	}
	return append(out, 128)
}

// lzwEncode is an LZW encoder for PDF: MSB first, 9 to 12 bits, with or
// without early change.
func lzwEncode(data []byte, early bool) []byte {
	e := 0
	if early {
		e = 1
	}
	var out []byte
	var acc uint64
	nbits := 0
	emit := func(code, width int) {
		acc = acc<<width | uint64(code)
		nbits += width
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
	}
	var dict map[string]int
	var hi, width int
	reset := func() {
		dict = map[string]int{}
		for i := range 256 {
			dict[string([]byte{byte(i)})] = i
		}
		hi, width = 257, 9
	}
	define := func(s string) {
		hi++
		dict[s] = hi
		if hi+e >= 1<<width && width < 12 {
			width++
		}
	}
	reset()
	emit(256, width)
	w := ""
	for _, c := range data {
		wc := w + string([]byte{c})
		if _, ok := dict[wc]; ok {
			w = wc
			continue
		}
		emit(dict[w], width)
		define(wc)
		if hi >= 4093 {
			emit(256, width)
			reset()
		}
		w = string([]byte{c})
	}
	if w != "" {
		emit(dict[w], width)
		define("\x00\x00" + w) // the decoder adds an entry too
	}
	emit(257, width)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}
