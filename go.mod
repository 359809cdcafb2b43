module github.com/einvoice-go/einvoice

go 1.26.8

require (
	github.com/pdfcpu/pdfcpu v0.15.0
	github.com/shopspring/decimal v1.6.0
	golang.org/x/image v0.48.0
)

require (
	github.com/clipperhouse/uax29/v2 v2.7.0 // indirect
	github.com/hhrutter/tiff v1.0.6 // indirect
	github.com/mattn/go-runewidth v0.0.27 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/crypto v0.54.0 // indirect
	golang.org/x/text v0.44.0 // indirect
)
