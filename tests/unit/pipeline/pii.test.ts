import { describe, expect, it } from 'vitest';
import { scrubPii } from '../../../src-main/pipeline/pii';

describe('scrubPii', () => {
  it.each([
    ['mail me at anna.smith@uni-heidelberg.de please', 'mail me at <EMAIL> please', ['email']],
    ['call +49 6221 54 1234 or (617) 555-0134', 'call <PHONE> or <PHONE>', ['phone']],
    ['the server 192.168.10.24 timed out', 'the server <IP> timed out', ['ip']],
    ['ssh to 10.0.0.12 and echo it', 'ssh to <IP> and echo it', ['ip']],
    ['reads are in /home/jdoe/project/fastq and C:\\Users\\mary\\data', 'reads are in /home/<USER>/project/fastq and C:\\Users\\<USER>\\data', ['home_path']],
    ['Hi Anna, can you run RNA-seq?', 'Hi <NAME>, can you run RNA-seq?', ['name']],
    ['Thanks, John Smith', 'Thanks, <NAME>', ['name']],
    ['my key is sk-proj-abcdefghijklmnop1234 ok', 'my key is <API_KEY> ok', ['api_key']],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123', 'token <API_KEY>', ['api_key']],
  ])('%s', (input, text, found) => {
    expect(scrubPii(input)).toEqual({ text, found });
  });

  it.each([
    'container "quay.io/biocontainers/gatk4:4.5.0.0--py36hdfd78af_0"',
    'Hi! Looking to run deg on mouse liver',
    'I am new to ChIP-seq and have human data',
    "what's the best way to do atac",
    'use 2x150 paired-end reads, 30 million per sample',
    'GRCh38 release 110, version 1.2.3',
    // a four-part tool version is not an address (miRDeep2 2.0.1.3 prints none, so the module echoes it)
    'mirdeep2: \\$(echo 2.0.1.3)',
    'miRDeep2 version 2.0.1.3',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(scrubPii(input)).toEqual({ text: input, found: [] });
  });
});

describe('scrubPii keeps numbers that are not phone numbers', () => {
  it.each(['run on 2024-01-15 at 10:30', 'region chr1:12345-67890', 'depth 30 000 reads', 'GRCh38.p14 release 110'])('%s', (input) => {
    expect(scrubPii(input).found).toEqual([]);
  });
});
