import { fireEvent, render, screen } from '@testing-library/react';
import type { CertificationDto } from '../api/types';
import { CertificationResult } from './certification-result';

const base: CertificationDto = {
  id: 1,
  orderId: 9,
  orderNo: 'BS2511230000000001',
  passed: false,
  name: '王*',
  idNumber: '440***********7890',
  failedReason: '人脸比对不通过',
  advice: {
    title: '照片与身份证照片不是同一人',
    detail: '请本人正对镜头、光线充足、摘下眼镜帽子后重新拍摄',
    retakePhoto: true,
  },
  createdAt: '2025-11-23T02:00:00.000Z',
};

describe('CertificationResult', () => {
  it('a failure says what failed and what to do, and offers a new photo first', () => {
    const onRetakePhoto = jest.fn();
    const { container } = render(
      <CertificationResult
        result={base}
        attemptsLeft={3}
        onRetakePhoto={onRetakePhoto}
        onEditInfo={jest.fn()}
        onDone={jest.fn()}
      />,
    );
    expect(screen.getByText('认证未通过')).toBeTruthy();
    expect(screen.getByText('照片与身份证照片不是同一人')).toBeTruthy();
    expect(container.querySelector('.certification-reason')?.textContent).toBe('人脸比对不通过');
    expect(container.querySelector('.certification-next-step')?.textContent).toContain('摘下眼镜帽子');
    expect(screen.getByText('今日还可认证 3 次')).toBeTruthy();
    const buttons = Array.from(container.querySelectorAll('.result-retake, .result-edit')).map((b) => b.textContent);
    expect(buttons).toEqual(['重新拍照认证', '修改姓名或身份证号']);
    fireEvent.click(screen.getByText('重新拍照认证'));
    expect(onRetakePhoto).toHaveBeenCalled();
  });

  it('a name mismatch puts "edit" first; no attempts left means no retry', () => {
    const mismatch = { ...base, advice: { title: '姓名与身份证号不一致', detail: '请核对', retakePhoto: false } };
    const { container, rerender } = render(
      <CertificationResult
        result={mismatch}
        attemptsLeft={1}
        onRetakePhoto={jest.fn()}
        onEditInfo={jest.fn()}
        onDone={jest.fn()}
      />,
    );
    const first = container.querySelector('.result-retake, .result-edit')?.textContent;
    expect(first).toBe('修改姓名或身份证号');
    rerender(
      <CertificationResult
        result={mismatch}
        attemptsLeft={0}
        onRetakePhoto={jest.fn()}
        onEditInfo={jest.fn()}
        onDone={jest.fn()}
      />,
    );
    expect(screen.queryByText('修改姓名或身份证号')).toBeNull();
    expect(screen.getByText('今日认证次数已用完，请明天再试')).toBeTruthy();
  });

  it('a pass shows the verified badge and says what the check was', () => {
    render(
      <CertificationResult result={{ ...base, passed: true, failedReason: null, advice: null }} onDone={jest.fn()} />,
    );
    expect(screen.getByText('认证通过')).toBeTruthy();
    expect(screen.getByText('已实名')).toBeTruthy();
    expect(screen.getByText(/不含活体检测/)).toBeTruthy();
  });
});
