import { ZJZ_BACKGROUND_COLORS, ZJZ_COLOR_LABELS } from '@banshi/vendor-clients/tables';
import type { SpecDto } from './api/types';

/** A background colour by the vendor's name (its own word for one the table does not know yet). */
export function colorLabel(color: string): string {
  return ZJZ_COLOR_LABELS[color] ?? color;
}

export function colorHex(color: string): string {
  return ZJZ_BACKGROUND_COLORS[color] ?? '#cccccc';
}

type Sized = Pick<SpecDto, 'widthMm' | 'heightMm' | 'widthPx' | 'heightPx' | 'dpi'>;

/** `26×32mm` */
export function sizeMm(spec: Sized): string {
  return `${spec.widthMm}×${spec.heightMm}mm`;
}

/** `358×441px` */
export function sizePx(spec: Sized): string {
  return `${spec.widthPx}×${spec.heightPx}px`;
}

/** `26×32mm · 358×441px · 350dpi`: what strict portals check. */
export function sizeLine(spec: Sized): string {
  return `${sizeMm(spec)} · ${sizePx(spec)} · ${spec.dpi}dpi`;
}

/** Tips shown before shooting: what the issuing authorities reject. */
export const SHOOTING_TIPS: readonly { title: string; text: string }[] = [
  { title: '正面免冠', text: '正对镜头，双肩放平，不戴帽子、头饰和有色眼镜' },
  { title: '露出五官', text: '露出眉毛和双耳，头发不遮挡面部，表情自然、嘴巴闭合' },
  { title: '光线均匀', text: '在明亮处拍摄，脸上不要有阴影或反光' },
  { title: '背景简单', text: '站在白墙或浅色纯色墙前，背景会自动替换为规定底色' },
  { title: '不要美颜', text: '官方回执会核验照片，请关闭美颜、滤镜，不要修图' },
];
