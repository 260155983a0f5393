import { expect } from '@open-wc/testing';
import { acceptedTypes, acceptsFile, COMMON_IMAGE_TYPES } from '../../src/model/attachments.js';

const file = (name: string, type: string) => ({ name, type });

describe('acceptsFile', () => {
  it('accepts anything with an empty list', () => {
    expect(acceptsFile(file('run.exe', 'application/octet-stream'), '')).to.be.true;
    expect(acceptsFile(file('run.exe', 'application/octet-stream'), undefined)).to.be.true;
  });

  it('matches extensions, exact types and wildcards, ignoring case and spaces', () => {
    const accept = ' .PDF , image/png,video/* ';
    expect(acceptsFile(file('Invoice.pdf', ''), accept)).to.be.true;
    expect(acceptsFile(file('a.png', 'image/PNG'), accept)).to.be.true;
    expect(acceptsFile(file('clip.mp4', 'video/mp4'), accept)).to.be.true;
    expect(acceptsFile(file('a.jpg', 'image/jpeg'), accept)).to.be.false;
  });

  it('lets the common image types through a list made of them', () => {
    const accept = COMMON_IMAGE_TYPES.join(',');
    for (const type of COMMON_IMAGE_TYPES) expect(acceptsFile(file('x', type), accept), type).to.be.true;
    expect(acceptsFile(file('x.svg', 'image/svg+xml'), accept)).to.be.false;
  });
});

describe('acceptedTypes', () => {
  it('names formats as people call them, families by their word, in order and without repeats', () => {
    expect(acceptedTypes('image/png,image/jpeg,image/gif,image/webp,.pdf,.PDF,application/pdf')).to.deep.equal([
      { format: 'PNG' },
      { format: 'JPEG' },
      { format: 'GIF' },
      { format: 'WebP' },
      { format: 'PDF' },
    ]);
    expect(acceptedTypes('image/*,video/*,text/plain,.docx,image/svg+xml,application/*')).to.deep.equal([
      { family: 'image' },
      { family: 'video' },
      { format: 'TXT' },
      { format: 'DOCX' },
      { format: 'SVG' },
      { format: 'application/*' },
    ]);
  });

  it('is empty when anything is accepted', () => {
    expect(acceptedTypes('')).to.deep.equal([]);
    expect(acceptedTypes(undefined)).to.deep.equal([]);
  });
});
